package dev.corsaudit.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.fetch.Redirects;
import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.RecordedResponse;
import dev.corsaudit.model.SentRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A preflighted JSON POST whose actual request is redirected once, graded per engine through the
 * hop: where the engines part ways after a redirect (conformance cases {@code rd-*}).
 */
class GraderRedirectsTest {

  private static final String PAGE = "https://app.example.com";
  private static final String URL = "https://api.example.com/v1";
  private static final String OTHER = "https://other.example.net/v1";

  private static CorsRequest page() {
    return new CorsRequest(
        URL,
        PAGE,
        "POST",
        List.of(new HeaderLine("Content-Type", "application/json")),
        CredentialsMode.OMIT);
  }

  private static Exchange answer(String method, String url, int status, String... headers) {
    List<HeaderLine> lines = new ArrayList<>();
    for (int i = 0; i < headers.length; i += 2) {
      lines.add(new HeaderLine(headers[i], headers[i + 1]));
    }
    SentRequest sent = new SentRequest(method, url, "HTTP/1.1", List.of(), List.of());
    return Exchange.ofResponse(
        sent, new RecordedResponse(status, "HTTP/1.1", lines, null, "", false), Instant.EPOCH, 0);
  }

  /** The page's preflight passes; the actual POST gets {@code status} to {@code location}. */
  private static Verdict grade(int status, String location, Exchange hopPreflight, Exchange end) {
    CorsRequest page = page();
    Exchange preflight =
        answer(
            "OPTIONS",
            URL,
            204,
            "Access-Control-Allow-Origin",
            PAGE,
            "Access-Control-Allow-Headers",
            "content-type");
    Exchange actual =
        answer("POST", URL, status, "Access-Control-Allow-Origin", PAGE, "Location", location);
    CorsRequest next = Redirects.follow(page, PAGE, status, location).request();
    RedirectHop hop = new RedirectHop(next, RequestPlans.of(next), hopPreflight, end);
    Map<Engine, Exchange> preflights = new EnumMap<>(Engine.class);
    for (Engine engine : Engine.values()) {
      preflights.put(engine, preflight);
    }
    return Grader.grade(page, RequestPlans.of(page), preflights, actual, List.of(hop));
  }

  private static Exchange ok(String url) {
    return answer("GET", url, 200, "Access-Control-Allow-Origin", "*");
  }

  private static String outcomes(Verdict verdict) {
    return verdict.engines().get(Engine.CHROMIUM).outcome()
        + " "
        + verdict.engines().get(Engine.FIREFOX).outcome()
        + " "
        + verdict.engines().get(Engine.WEBKIT).outcome();
  }

  @ParameterizedTest(name = "{0} then a hop preflight {1} allowing [{2}]")
  @CsvSource({
    // Chromium preflights the GET a 301/302/303 leaves only if it needs one; Firefox and WebKit
    // preflight every hop of a preflighted request (rd-post-json-30*-same-origin).
    "302, 403, '', PASS FAIL FAIL",
    "303, 204, content-type, PASS PASS PASS",
    // WebKit's hop preflight still asks for the first request's content-type
    // (rd-*-hop-preflight-ok).
    "301, 204, '', PASS PASS FAIL",
    // 307 keeps the POST and its Content-Type, so every engine asks for it.
    "307, 204, '', FAIL FAIL FAIL",
    "307, 204, content-type, PASS PASS PASS",
  })
  void hopPreflights(int status, int preflightStatus, String allowHeaders, String expected) {
    String hopUrl = "https://api.example.com/v2";
    Exchange hopPreflight =
        answer(
            "OPTIONS",
            hopUrl,
            preflightStatus,
            "Access-Control-Allow-Origin",
            PAGE,
            "Access-Control-Allow-Methods",
            "GET, POST",
            "Access-Control-Allow-Headers",
            allowHeaders);
    assertEquals(expected, outcomes(grade(status, hopUrl, hopPreflight, ok(hopUrl))));
  }

  @ParameterizedTest(name = "tainted hop preflight allowing {0}")
  @CsvSource({
    // Chromium and WebKit send Origin: null on the hop's preflight after a cross-origin redirect;
    // Firefox sends the page's origin (rd-post-json-307-cross-origin-preflight-*).
    "https://app.example.com, FAIL PASS FAIL",
    "null, PASS FAIL PASS",
    "*, PASS PASS PASS",
  })
  void firefoxHopPreflightCarriesThePageOrigin(String allowOrigin, String expected) {
    Exchange hopPreflight =
        answer(
            "OPTIONS",
            OTHER,
            204,
            "Access-Control-Allow-Origin",
            allowOrigin,
            "Access-Control-Allow-Headers",
            "content-type");
    assertEquals(expected, outcomes(grade(307, OTHER, hopPreflight, ok(OTHER))));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "too many, ''",
    "non-HTTP, data:text/plain,hi",
  })
  void aRefusedRedirectIsAFailInEveryEngine(String why, String location) {
    CorsRequest page = new CorsRequest(URL, PAGE, "GET", List.of(), CredentialsMode.OMIT);
    Exchange actual = answer("GET", URL, 302, "Access-Control-Allow-Origin", "*");
    RedirectHop refused = RedirectHop.refused(page, why, location.isEmpty() ? null : location);
    Verdict verdict = Grader.grade(page, RequestPlans.of(page), Map.of(), actual, List.of(refused));
    for (Engine engine : Engine.values()) {
      EngineVerdict v = verdict.engines().get(engine);
      assertEquals(Outcome.FAIL, v.outcome(), engine.key());
      assertEquals(CauseCode.REDIRECT_REFUSED, v.causes().get(0).code());
    }
    assertNull(verdict.engines().get(Engine.CHROMIUM).consoleMessage(), "Chromium prints none");
    assertTrue(
        verdict
            .engines()
            .get(Engine.FIREFOX)
            .consoleMessage()
            .endsWith(URL + ". (Reason: CORS request did not succeed). Status code: (null)."));
    assertTrue(
        verdict
            .engines()
            .get(Engine.WEBKIT)
            .consoleMessage()
            .startsWith(
                location.isEmpty()
                    ? "Load cannot follow more than 20 redirections\n"
                    : "Cross-origin redirection to " + location + " denied"));
  }

  @org.junit.jupiter.api.Test
  void consolesNameTheHop() {
    Exchange hopPreflight =
        answer(
            "OPTIONS",
            OTHER,
            204,
            "Access-Control-Allow-Origin",
            "*",
            "Access-Control-Allow-Headers",
            "content-type");
    Verdict verdict = grade(307, OTHER, hopPreflight, answer("POST", OTHER, 200));
    // Chromium names the hop, the page's URL it was redirected from, and the page's origin.
    assertTrue(
        verdict
            .engines()
            .get(Engine.CHROMIUM)
            .consoleMessage()
            .startsWith(
                "Access to fetch at '"
                    + OTHER
                    + "' (redirected from '"
                    + URL
                    + "') from origin '"
                    + PAGE
                    + "' has been blocked"),
        verdict.engines().get(Engine.CHROMIUM).consoleMessage());
    // WebKit names the tainted origin.
    assertTrue(
        verdict
            .engines()
            .get(Engine.WEBKIT)
            .consoleMessage()
            .startsWith("Origin null is not allowed by Access-Control-Allow-Origin."));
  }

  @org.junit.jupiter.api.Test
  void webKitSaysARedirectWasDenied() {
    CorsRequest page = new CorsRequest(URL, PAGE, "GET", List.of(), CredentialsMode.OMIT);
    Verdict verdict = Grader.grade(page, null, answer("GET", URL, 302, "Location", "/v2"));
    assertEquals(
        "Cross-origin redirection to https://api.example.com/v2 denied by Cross-Origin Resource"
            + " Sharing policy: Origin "
            + PAGE
            + " is not allowed by Access-Control-Allow-Origin. Status code: 302\n"
            + "Fetch API cannot load "
            + URL
            + " due to access control checks.",
        verdict.engines().get(Engine.WEBKIT).consoleMessage());
  }

  @org.junit.jupiter.api.Test
  void aHopsOtherPreflightsAreListedOncePerExchangeInEngineOrder() {
    Exchange shared = ok(OTHER);
    Exchange own = ok(OTHER);
    RedirectHop hop =
        new RedirectHop(
            page(),
            RequestPlans.of(page()),
            ok(OTHER),
            null,
            null,
            java.util.Map.of(Engine.WEBKIT, shared, Engine.SPEC, own, Engine.FIREFOX, shared));
    assertEquals(
        java.util.List.of(
            new RedirectHop.OtherPreflight(java.util.List.of(Engine.SPEC), own),
            new RedirectHop.OtherPreflight(
                java.util.List.of(Engine.FIREFOX, Engine.WEBKIT), shared)),
        hop.otherPreflights());
    assertEquals(shared, hop.preflightFor(Engine.FIREFOX));
    assertEquals(hop.preflight(), hop.preflightFor(Engine.CHROMIUM), "the hop's own preflight");
  }
}
