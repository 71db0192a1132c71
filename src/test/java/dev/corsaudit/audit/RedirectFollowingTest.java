package dev.corsaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.config.ProvidersFile;
import dev.corsaudit.config.ProvidersLoader;
import dev.corsaudit.grade.Engine;
import dev.corsaudit.grade.Outcome;
import dev.corsaudit.grade.RedirectHop;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.RowStatus;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The actual request's redirects are followed as fetch() follows them, and graded hop by hop. */
@Timeout(30)
class RedirectFollowingTest {

  @StartStop public final MockWebServer server = new MockWebServer();

  /** The endpoint on "localhost"; redirects to "127.0.0.1" on the same port are cross-origin. */
  private ProvidersFile provider(String method) {
    return ProvidersLoader.parse(
        "test.yaml",
        "providers:\n  - id: moved\n    base_url: "
            + server.url("/v1")
            + "\n    path: /chat/completions\n    method: "
            + method
            + "\n");
  }

  private String otherOrigin(String path) {
    return "http://127.0.0.1:" + server.getPort() + path;
  }

  private static MockResponse preflightOk() {
    return new MockResponse.Builder()
        .code(204)
        .addHeader("Access-Control-Allow-Origin", "*")
        .addHeader("Access-Control-Allow-Headers", "authorization, content-type")
        .build();
  }

  private static MockResponse redirect(int status, String location) {
    return new MockResponse.Builder()
        .code(status)
        .addHeader("Location", location)
        .addHeader("Access-Control-Allow-Origin", "*")
        .build();
  }

  private AuditResult run(String method) {
    AuditRun run =
        AuditSession.run(
            AuditRequest.of(provider(method)).withActual(true, false, Map.of()),
            AuditListener.NONE);
    return run.results().get(0);
  }

  /**
   * Answers by what is asked (hop preflights go out in parallel, so no queue order holds): the
   * endpoint's preflight passes, its request gets {@code redirect}, the hop's preflights get {@code
   * hopPreflight} and the hop's request a 200 with {@code Access-Control-Allow-Origin: *}.
   */
  private void answer(
      MockResponse redirect, java.util.function.Function<RecordedRequest, MockResponse> hop) {
    server.setDispatcher(
        new mockwebserver3.Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            boolean first = request.getTarget().startsWith("/v1/");
            boolean preflight = request.getMethod().equals("OPTIONS");
            if (first) {
              return preflight ? preflightOk() : redirect;
            }
            return preflight
                ? hop.apply(request)
                : new MockResponse.Builder()
                    .code(200)
                    .addHeader("Access-Control-Allow-Origin", "*")
                    .build();
          }
        });
  }

  private List<RecordedRequest> requests() throws InterruptedException {
    List<RecordedRequest> seen = new java.util.ArrayList<>();
    for (int i = server.getRequestCount(); i > 0; i--) {
      seen.add(server.takeRequest());
    }
    return seen;
  }

  private static List<RecordedRequest> hopPreflights(List<RecordedRequest> seen) {
    return seen.stream()
        .filter(r -> r.getMethod().equals("OPTIONS") && r.getTarget().startsWith("/v2/"))
        .sorted(java.util.Comparator.comparing(r -> r.getHeaders().get("Origin")))
        .toList();
  }

  @Test
  void a302TurnsPostIntoGetAndACrossOriginHopSendsOriginNullWithoutAuthorization()
      throws Exception {
    answer(redirect(302, otherOrigin("/v2/chat")), r -> preflightOk());
    AuditResult row = run("POST");
    assertEquals(RowStatus.PASS, row.status());
    assertEquals(1, row.redirects().size());
    RedirectHop hop = row.redirects().get(0);
    assertEquals("GET", hop.request().method());
    assertEquals("null", hop.request().origin());
    List<RecordedRequest> seen = requests();
    assertEquals(5, seen.size());
    // Chromium needs no preflight for the GET left, but Firefox and WebKit preflight every hop of
    // a preflighted request (conformance rd-post-json-30*): Firefox with the page's origin and the
    // hop's (no) headers, WebKit with Origin null and the first request's headers.
    List<RecordedRequest> hopPreflights = hopPreflights(seen);
    assertEquals(2, hopPreflights.size());
    RecordedRequest firefox = hopPreflights.get(0);
    RecordedRequest webkit = hopPreflights.get(1);
    assertEquals("https://example.com", firefox.getHeaders().get("Origin"));
    assertEquals("GET", firefox.getHeaders().get("Access-Control-Request-Method"));
    assertNull(firefox.getHeaders().get("Access-Control-Request-Headers"));
    assertEquals("null", webkit.getHeaders().get("Origin"));
    assertEquals(
        "authorization,content-type", webkit.getHeaders().get("Access-Control-Request-Headers"));
    assertEquals(
        "https://example.com",
        dev.corsaudit.model.HeaderLine.combined(
            hop.preflightFor(Engine.FIREFOX).request().headers(), "Origin"));
    assertEquals(
        "null",
        dev.corsaudit.model.HeaderLine.combined(
            hop.preflightFor(Engine.WEBKIT).request().headers(), "Origin"));
    RecordedRequest second =
        seen.stream().filter(r -> r.getMethod().equals("GET")).findFirst().orElseThrow();
    assertEquals("null", second.getHeaders().get("Origin"));
    assertNull(second.getHeaders().get("Authorization"), "removed on a cross-origin redirect");
    assertNull(second.getHeaders().get("Content-Type"), "the body and its headers are dropped");
    assertEquals(0, second.getBodySize());
  }

  @Test
  void aHopPreflightOnlyFirefoxAndWebKitSendFailsOnlyThere() throws Exception {
    answer(
        redirect(302, otherOrigin("/v2/chat")), r -> new MockResponse.Builder().code(403).build());
    AuditResult row = run("POST");
    assertEquals(RowStatus.PASS, row.status(), "Chromium sends the GET without a preflight");
    assertEquals(
        Outcome.FAIL, row.verdict().engines().get(Engine.FIREFOX).outcome(), "preflight 403");
    assertEquals(Outcome.FAIL, row.verdict().engines().get(Engine.WEBKIT).outcome());
    assertEquals(5, requests().size(), "preflight, POST, two hop preflights, the GET");
  }

  @Test
  void aTaintedOriginMustBeAllowedAsNullOrStar() throws Exception {
    // 307 keeps POST and its headers, so the new URL is preflighted again, with Origin: null.
    answer(
        redirect(307, otherOrigin("/v2/chat")),
        r ->
            new MockResponse.Builder()
                .code(204)
                .addHeader("Access-Control-Allow-Origin", "https://example.com")
                .addHeader("Access-Control-Allow-Headers", "authorization, content-type")
                .build());
    AuditResult row = run("POST");
    assertEquals(RowStatus.FAIL, row.status());
    RedirectHop hop = row.redirects().get(0);
    assertEquals("POST", hop.request().method());
    assertEquals("null", hop.request().origin());
    assertTrue(hop.preflight() != null, "preflighted again");
    assertEquals(
        "ALLOW_ORIGIN_MISMATCH",
        row.verdict().engines().get(Engine.CHROMIUM).causes().get(0).code().name());
    // Firefox's hop preflight carries the page's origin, not "null", so it passes there and
    // Firefox goes on to the hop's request (conformance rd-post-json-307-cross-origin-*).
    assertEquals(Outcome.PASS, row.verdict().engines().get(Engine.FIREFOX).outcome());
    assertEquals(Outcome.FAIL, row.verdict().engines().get(Engine.WEBKIT).outcome());
    List<RecordedRequest> seen = requests();
    // Authorization is removed by the cross-origin redirect: Chromium asks for content-type with
    // Origin null, Firefox for content-type with the page's origin, WebKit for the first request's
    // authorization,content-type with Origin null. Three requests, each engine graded on its own.
    assertEquals(6, seen.size());
    assertEquals(
        List.of(
            "https://example.com content-type",
            "null authorization,content-type",
            "null content-type"),
        hopPreflights(seen).stream()
            .map(
                r ->
                    r.getHeaders().get("Origin")
                        + " "
                        + r.getHeaders().get("Access-Control-Request-Headers"))
            .sorted()
            .toList());
  }

  /**
   * The common server that echoes the Origin it gets: each engine is graded on the answer to its
   * own hop preflight, so Firefox (page origin) passes as Chromium and WebKit ("null") do. With one
   * shared preflight Firefox would be judged on an answer allowing "null" and wrongly fail.
   */
  @Test
  void anOriginEchoingServerPassesEveryEngineOnItsOwnHopPreflight() throws Exception {
    answer(
        redirect(307, otherOrigin("/v2/chat")),
        r ->
            new MockResponse.Builder()
                .code(204)
                .addHeader("Access-Control-Allow-Origin", r.getHeaders().get("Origin"))
                .addHeader("Access-Control-Allow-Headers", "authorization, content-type")
                .addHeader("Vary", "Origin")
                .build());
    AuditResult row = run("POST");
    for (Engine engine : List.of(Engine.CHROMIUM, Engine.FIREFOX, Engine.WEBKIT)) {
      assertEquals(
          Outcome.PASS, row.verdict().engines().get(engine).outcome(), engine.key() + " passes");
    }
    RedirectHop hop = row.redirects().get(0);
    assertEquals(
        "https://example.com",
        hop.preflightFor(Engine.FIREFOX).response().header("Access-Control-Allow-Origin"));
    assertEquals("null", hop.preflight().response().header("Access-Control-Allow-Origin"));
    assertEquals(java.util.Set.of(Engine.FIREFOX, Engine.WEBKIT), hop.enginePreflights().keySet());
    assertEquals(6, requests().size(), "three hop preflights (see the test above)");
  }

  @Test
  void aRedirectWithoutAllowOriginIsBlockedAndNotFollowed() {
    server.enqueue(preflightOk());
    server.enqueue(new MockResponse.Builder().code(301).addHeader("Location", "/v2").build());
    AuditResult row = run("POST");
    assertEquals(RowStatus.FAIL, row.status());
    assertEquals("ACTUAL_MISSING_ALLOW_ORIGIN", row.verdict().causes().get(0).code().name());
    assertTrue(row.redirects().isEmpty());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void moreThanTwentyRedirectsIsANetworkError() {
    // Every hop is preflighted again (new URL, Authorization kept on the same origin).
    server.setDispatcher(
        new mockwebserver3.Dispatcher() {
          private int hop;

          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return request.getMethod().equals("OPTIONS")
                ? preflightOk()
                : redirect(302, "/hop" + hop++);
          }
        });
    AuditResult row = run("GET");
    assertEquals(RowStatus.FAIL, row.status(), "a network error in every browser");
    assertEquals(
        "REDIRECT_REFUSED",
        row.verdict().engines().get(Engine.CHROMIUM).causes().get(0).code().name());
    assertEquals(21, row.redirects().size());
    assertTrue(
        row.redirects().get(20).response().error().message().contains("more than 20 redirects"));
  }

  @Test
  void sameOriginHopsKeepTheOriginAndAuthorization() throws Exception {
    server.enqueue(preflightOk());
    server.enqueue(redirect(308, "/v1/chat/completions/"));
    server.enqueue(preflightOk());
    server.enqueue(
        new MockResponse.Builder().code(401).addHeader("Access-Control-Allow-Origin", "*").build());
    AuditResult row = run("POST");
    assertEquals(RowStatus.PASS, row.status());
    RedirectHop hop = row.redirects().get(0);
    assertEquals("https://example.com", hop.request().origin());
    assertTrue(
        hop.request().headers().stream().anyMatch(h -> h.hasName("Authorization")),
        hop.request().headers().toString());
    server.takeRequest();
    server.takeRequest();
    RecordedRequest secondPreflight = server.takeRequest();
    assertEquals("OPTIONS", secondPreflight.getMethod());
    assertEquals("https://example.com", secondPreflight.getHeaders().get("Origin"));
    assertEquals(List.of(), List.of());
  }
}
