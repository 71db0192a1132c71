package dev.corsaudit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.grade.Engine;
import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.HeaderLine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The case files and the adapter, without launching a browser. */
class ConformanceCasesTest {

  private static final String BASE = "https://api.example.test/v1";

  private final List<ConformanceCase> cases = ConformanceCases.load();

  private ConformanceCase byId(String id) {
    return cases.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void thereAreEnoughCasesAndEachRecordsEveryBrowserAndSpec() {
    assertTrue(cases.size() >= 60, "only " + cases.size() + " cases");
    List<Engine> browsers = List.of(Engine.CHROMIUM, Engine.FIREFOX, Engine.WEBKIT);
    for (ConformanceCase c : cases) {
      assertTrue(c.expect().keySet().containsAll(browsers), c.id());
      assertTrue(c.expect().containsKey(Engine.SPEC), c.id());
      assertEquals(
          java.util.Set.copyOf(browsers), c.observed().keySet(), c.id() + " observed browsers");
    }
  }

  @Test
  void recordedObservationsAgreeWithTheRecordedOutcome() {
    for (ConformanceCase c : cases) {
      c.observed()
          .forEach(
              (engine, seen) -> {
                boolean passed = seen.error() == null;
                assertEquals(
                    c.expect().get(engine) == dev.corsaudit.grade.Outcome.PASS,
                    passed,
                    c.id() + " " + engine.key());
                assertEquals(
                    c.needsPreflight(engine), seen.preflights() > 0, c.id() + " " + engine);
              });
    }
  }

  @Test
  void aCaseHasAPreflightExactlyWhenTheFetchRulesOrSomeEngineCallForOne() {
    for (ConformanceCase c : cases) {
      boolean spec = FetchRequestRules.needsPreflight(c.request().method(), c.request().headers());
      assertEquals(spec, c.needsPreflight(Engine.SPEC), c.id());
      boolean any = false;
      for (Engine engine : Engine.values()) {
        any |= c.needsPreflight(engine);
      }
      assertEquals(any, c.expectsPreflight(), c.id());
    }
  }

  @Test
  void forbiddenHeadersAreDroppedAndRepeatedNamesCombined() {
    ConformanceCase cookie = byId("fh-cookie-with-custom");
    assertEquals("x-custom", cookie.requestHeadersHeader());
    assertTrue(
        cookie.toActualExchange(BASE).request().headers().stream()
            .noneMatch(h -> h.hasName("Cookie")));
    assertEquals(
        "a".repeat(100) + ", " + "b".repeat(100),
        HeaderLine.combined(
            byId("rh-accept-twice-over-128").toActualExchange(BASE).request().headers(), "Accept"));
    assertEquals("accept", byId("rh-accept-twice-over-128").requestHeadersHeader());
    assertNull(byId("rh-accept-twice").requestHeadersHeader());
  }

  @Test
  void corsRequestCarriesTheCaseAsWritten() {
    CorsRequest request = byId("method-patch-lower-acam-upper").toCorsRequest(BASE);

    assertEquals(BASE + "/case/method-patch-lower-acam-upper", request.url());
    assertEquals(ConformanceCase.GRADING_ORIGIN, request.origin());
    assertEquals("patch", request.method());
    assertEquals(CredentialsMode.INCLUDE, request.credentials());
  }

  @Test
  void preflightExchangeDescribesTheBrowsersPreflightAndFillsInTheOrigin() {
    Exchange preflight =
        byId("cred-origin-acac-true").toPreflightExchange(BASE, "http://app.example");

    assertEquals("OPTIONS", preflight.request().method());
    assertEquals(
        "authorization,content-type",
        HeaderLine.combined(preflight.request().headers(), "Access-Control-Request-Headers"));
    assertEquals(
        "POST",
        HeaderLine.combined(preflight.request().headers(), "Access-Control-Request-Method"));
    assertEquals("http://app.example", preflight.response().header("Access-Control-Allow-Origin"));
    assertEquals(204, preflight.response().status());
  }

  @Test
  void repeatedHeaderLinesStaySeparateInTheExchange() {
    Exchange actual = byId("acao-two-lines-star").toActualExchange(BASE);

    assertEquals(
        List.of("*", "*"),
        HeaderLine.values(actual.response().headers(), "Access-Control-Allow-Origin"));
    assertNull(byId("acao-two-lines-star").toPreflightExchange(BASE));
  }

  @Test
  void actualExchangeUsesTheNormalisedMethodAndKeepsContentType() {
    Exchange actual = byId("method-delete-lower-acam-upper").toActualExchange(BASE);
    assertEquals("DELETE", actual.request().method());

    Exchange json = byId("actual-401-no-acao-opencode").toActualExchange(BASE);
    assertEquals(401, json.response().status());
    assertEquals("application/json", json.response().contentType());
    assertEquals("application/json", json.response().header("Content-Type"));
  }

  @Test
  void upperCasePlaceholderUpperCasesTheOrigin() {
    Exchange actual = byId("acao-origin-uppercase").toActualExchange(BASE, "http://127.0.0.1:8000");
    assertEquals("HTTP://127.0.0.1:8000", actual.response().header("Access-Control-Allow-Origin"));
  }

  @Test
  void chromiumsUserAgentQuirkIsRecordedOnlyForChromium() {
    ConformanceCase c = byId("acah-user-agent-unlisted");
    assertEquals("authorization,content-type,user-agent", c.requestHeadersHeader(Engine.FIREFOX));
    assertEquals("authorization,content-type", c.requestHeadersHeader(Engine.CHROMIUM));
  }
}
