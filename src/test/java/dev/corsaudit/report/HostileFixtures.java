package dev.corsaudit.report;

import dev.corsaudit.config.Provider;
import dev.corsaudit.fetch.BrowserRequests;
import dev.corsaudit.grade.Grader;
import dev.corsaudit.grade.RequestPlans;
import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.NetworkError;
import dev.corsaudit.model.NetworkErrorKind;
import dev.corsaudit.model.PlannedRequest;
import dev.corsaudit.model.RecordedResponse;
import dev.corsaudit.model.SentRequest;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.AuditTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs whose data came from a hostile server (backticks, HTML, control bytes) or that carry secrets
 * (headers, URL query and userinfo, echoed back in headers and bodies).
 */
final class HostileFixtures {

  static final Instant AT = Instant.parse("2026-11-23T03:00:00Z");

  /** Markup that must never render: closes a code span, then an image with a script. */
  static final String MARKUP = "x` <img src=x onerror=alert(1)> <script>alert(2)</script> `";

  /** Terminal control: clear screen, an OSC 8 hyperlink, a bell, a NUL, a C1 CSI, RLO. */
  static final String CONTROL =
      "\u001b[2J\u001b]8;;https://evil.invalid/\u0007click\u001b]8;;\u0007 bell\u0007 nul\u0000"
          + " csi\u009b31m rlo\u202e";

  static final String CANARY = "CANARY-sk-9f8e7d6c5b4a";

  private HostileFixtures() {}

  static AuditRun hostileRun() {
    List<AuditResult> results = new ArrayList<>();
    // A PASS whose CORS header values carry markup and control bytes.
    results.add(
        row(
            0,
            provider("pass", "Pass `<b>bold</b>` [link](javascript:alert(3))"),
            List.of(
                h("access-control-allow-origin", "*"),
                h("access-control-allow-methods", "POST, " + MARKUP),
                h("access-control-allow-headers", "*, content-type, " + CONTROL),
                h("access-control-expose-headers", "```, ````"),
                h("vary", "Origin" + MARKUP)),
            ""));
    // A FAIL: the wrong origin is quoted in the cause message; the body closes a fence.
    results.add(
        row(
            1,
            provider("fail", "Fail"),
            List.of(h("access-control-allow-origin", "https://other.example" + MARKUP + CONTROL)),
            "```\n</code></pre><script>alert(4)</script>\n````\n" + CONTROL + "\nend"));
    // An ERROR whose message carries control bytes.
    Provider down = provider("down", "Down");
    CorsRequest request = request(down);
    Exchange error =
        Exchange.ofError(
            sent(request, down.url()),
            new NetworkError(NetworkErrorKind.CONNECT, "refused " + CONTROL + MARKUP),
            AT,
            3);
    results.add(
        AuditResult.graded(
            new AuditTarget(2, down, "fetch", request, RequestPlans.of(request), down.url(), null),
            error,
            null,
            Grader.grade(request, error, null)));
    return new AuditRun("0.1.0-test", AT, false, results, List.of(), false);
  }

  /**
   * One row whose request carries the canary as Authorization, x-api-key, a custom header, a query
   * parameter and userinfo, and whose server echoes it in headers and in a 401 body.
   */
  static AuditRun secretRun() {
    String base = "https://user:" + CANARY + "-pw@api.example.com/v1";
    Provider provider =
        Provider.builder("secret", base)
            .name("Secret")
            .path("/chat/completions?key=" + CANARY + "-q&api_key=" + CANARY + "-q2&model=x")
            .build();
    List<HeaderLine> headers =
        List.of(
            h("Authorization", "Bearer " + CANARY + "-auth"),
            h("x-api-key", CANARY + "-xkey"),
            h("X-Session-Id", CANARY + "-session"),
            h("Content-Type", "application/json"));
    CorsRequest request =
        new CorsRequest(
            provider.url(), "https://example.com", "POST", headers, CredentialsMode.OMIT);
    RecordedResponse echoed =
        new RecordedResponse(
            401,
            "HTTP/1.1",
            List.of(
                h("access-control-allow-origin", "*"),
                h("access-control-allow-headers", "*"),
                h("www-authenticate", "Bearer error=\"invalid_token\" " + CANARY + "-auth"),
                h("x-echo-key", CANARY + "-xkey"),
                h("x-echo-session", CANARY + "-session"),
                h("x-echo-url", provider.url()),
                h("x-echo-userinfo", CANARY + "-pw")),
            "application/json",
            "{\"error\":\"Incorrect API key provided: "
                + CANARY
                + "-auth (also "
                + CANARY
                + "-q2, "
                + CANARY
                + "-q)\"}",
            false);
    Exchange preflight = Exchange.ofResponse(sent(request, provider.url()), echoed, AT, 5);
    AuditResult result =
        AuditResult.graded(
            new AuditTarget(
                0, provider, "fetch", request, RequestPlans.of(request), provider.url(), null),
            preflight,
            null,
            Grader.grade(request, preflight, null));
    return new AuditRun("0.1.0-test", AT, false, List.of(result), List.of(), false);
  }

  private static AuditResult row(
      int seq, Provider provider, List<HeaderLine> headers, String body) {
    CorsRequest request = request(provider);
    RecordedResponse response =
        new RecordedResponse(204, "HTTP/1.1", headers, "text/plain", body, false);
    Exchange preflight = Exchange.ofResponse(sent(request, provider.url()), response, AT, 7);
    return AuditResult.graded(
        new AuditTarget(
            seq, provider, "fetch", request, RequestPlans.of(request), provider.url(), null),
        preflight,
        null,
        Grader.grade(request, preflight, null));
  }

  private static CorsRequest request(Provider provider) {
    return new CorsRequest(
        provider.url(),
        "https://example.com",
        "POST",
        List.of(h("Authorization", "Bearer x"), h("Content-Type", "application/json")),
        CredentialsMode.OMIT);
  }

  static SentRequest sent(CorsRequest request, String url) {
    PlannedRequest planned = BrowserRequests.preflight(request, url, "Mozilla/5.0 (test)");
    return new SentRequest(
        planned.method(), url, "HTTP/1.1", request.headers(), List.of(h("Content-Length", "0")));
  }

  private static Provider provider(String id, String name) {
    String base = "https://" + id + ".example.com/v1";
    return Provider.builder(id, base).name(name).build();
  }

  static HeaderLine h(String name, String value) {
    return new HeaderLine(name, value);
  }
}
