package dev.corsaudit.report;

import dev.corsaudit.browser.BrowserConfirmation;
import dev.corsaudit.config.Provider;
import dev.corsaudit.fetch.BrowserRequests;
import dev.corsaudit.grade.Grader;
import dev.corsaudit.grade.RequestPlans;
import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.PlannedRequest;
import dev.corsaudit.model.RecordedResponse;
import dev.corsaudit.model.SentRequest;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.AuditTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Small fixed runs for the golden scenarios the seed run does not show: an engine split, an
 * --actual row, a browser-confirmation column and origins collapsed in the Markdown summary.
 */
final class GoldenScenarios {

  static final Instant AT = Instant.parse("2026-11-23T03:00:00Z");
  static final String VERSION = "0.1.0-test";
  private static final List<HeaderLine> FETCH =
      List.of(h("Authorization", "Bearer sk-placeholder"), h("Content-Type", "application/json"));

  private GoldenScenarios() {}

  static Map<String, AuditRun> all() {
    return Map.of(
        "engine-split", engineSplit(),
        "actual", actualRow(),
        "browser", browserConfirmation(),
        "collapsed-origins", collapsedOrigins());
  }

  /** '*' covers Authorization in browsers but not per the Standard; a page-set User-Agent. */
  static AuditRun engineSplit() {
    Provider p = provider("wildcard", "Wildcard Headers", "https://api.wildcard.example/v1");
    List<AuditResult> rows = new ArrayList<>();
    rows.add(
        preflightRow(
            0,
            p,
            request(p, "https://example.com", FETCH),
            ok(h("access-control-allow-origin", "*"), h("access-control-allow-headers", "*"))));
    List<HeaderLine> withAgent = new ArrayList<>(FETCH);
    withAgent.add(h("User-Agent", "my-app/1.0"));
    rows.add(
        preflightRow(
            1,
            p,
            request(p, "https://example.com", withAgent),
            ok(
                h("access-control-allow-origin", "*"),
                h("access-control-allow-headers", "authorization, content-type"))));
    return new AuditRun(VERSION, AT, false, rows);
  }

  /** The preflight passes; the actual request's 401 carries no Access-Control-Allow-Origin. */
  static AuditRun actualRow() {
    Provider p = provider("chat401", "Chat 401", "https://api.chat401.example/v1");
    CorsRequest request = request(p, "https://example.com", FETCH);
    Exchange preflight =
        exchange(
            request,
            p.url(),
            ok(
                h("access-control-allow-origin", "*"),
                h("access-control-allow-headers", "authorization, content-type")));
    Exchange actual =
        Exchange.ofResponse(
            sentActual(request, p.url()),
            new RecordedResponse(
                401,
                "HTTP/1.1",
                List.of(h("content-type", "application/json"), h("www-authenticate", "Bearer")),
                "application/json",
                "{\"error\":{\"message\":\"Incorrect API key provided\"}}",
                false),
            AT,
            57);
    AuditTarget target = target(0, p, request);
    return new AuditRun(
        VERSION,
        AT,
        false,
        List.of(
            AuditResult.graded(
                target, preflight, actual, Grader.grade(request, preflight, actual))));
  }

  /** A real browser agreed on one row and disagreed on another. */
  static AuditRun browserConfirmation() {
    Provider p = provider("confirmed", "Confirmed", "https://api.confirmed.example/v1");
    AuditResult pass =
        preflightRow(
                0,
                p,
                request(p, "https://example.com", FETCH),
                ok(
                    h("access-control-allow-origin", "*"),
                    h("access-control-allow-headers", "authorization, content-type")))
            .withConfirmation(
                new BrowserConfirmation(
                    "chromium", "Chromium 156.0", "PASS", "status 200", List.of()));
    AuditResult fail =
        preflightRow(
                1,
                p,
                request(p, "http://localhost:3000", FETCH),
                ok(h("access-control-allow-origin", "https://example.com")))
            .withConfirmation(
                new BrowserConfirmation(
                    "chromium",
                    "Chromium 156.0",
                    "PASS",
                    "status 200",
                    List.of("(no console output)")));
    return new AuditRun(VERSION, AT, false, List.of(pass, fail));
  }

  /** One provider, three origins, the same answer: one summary line in Markdown. */
  static AuditRun collapsedOrigins() {
    Provider p = provider("everyone", "Everyone Welcome", "https://api.everyone.example/v1");
    List<AuditResult> rows = new ArrayList<>();
    int seq = 0;
    for (String origin :
        List.of("https://example.com", "http://localhost:3000", "https://app.example.org")) {
      rows.add(
          preflightRow(
              seq++,
              p,
              request(p, origin, FETCH),
              ok(
                  h("access-control-allow-origin", "*"),
                  h("access-control-allow-methods", "POST, OPTIONS"),
                  h("access-control-allow-headers", "authorization, content-type"))));
    }
    return new AuditRun(VERSION, AT, false, rows);
  }

  private static AuditResult preflightRow(
      int seq, Provider provider, CorsRequest request, RecordedResponse response) {
    Exchange preflight = exchange(request, provider.url(), response);
    return AuditResult.graded(
        target(seq, provider, request), preflight, null, Grader.grade(request, preflight, null));
  }

  private static AuditTarget target(int seq, Provider provider, CorsRequest request) {
    return new AuditTarget(
        seq, provider, "fetch", request, RequestPlans.of(request), provider.url(), null);
  }

  private static Exchange exchange(CorsRequest request, String url, RecordedResponse response) {
    PlannedRequest planned = BrowserRequests.preflight(request, url, "Mozilla/5.0 (test)");
    return Exchange.ofResponse(sent(planned, url), response, AT, 42);
  }

  private static SentRequest sentActual(CorsRequest request, String url) {
    return sent(BrowserRequests.actual(request, url, "Mozilla/5.0 (test)", null), url);
  }

  private static SentRequest sent(PlannedRequest planned, String url) {
    return new SentRequest(
        planned.method(),
        url,
        "HTTP/1.1",
        planned.headers(),
        List.of(h("Host", java.net.URI.create(url).getRawAuthority())));
  }

  private static RecordedResponse ok(HeaderLine... headers) {
    return new RecordedResponse(204, "HTTP/1.1", List.of(headers), null, "", false);
  }

  private static CorsRequest request(Provider p, String origin, List<HeaderLine> headers) {
    return new CorsRequest(p.url(), origin, "POST", headers, CredentialsMode.OMIT);
  }

  /** The one place a test Provider is built, so a new providers.yaml field touches one line. */
  private static Provider provider(String id, String name, String base) {
    return Provider.builder(id, base).name(name).replica(id).build();
  }

  private static HeaderLine h(String name, String value) {
    return new HeaderLine(name, value);
  }
}
