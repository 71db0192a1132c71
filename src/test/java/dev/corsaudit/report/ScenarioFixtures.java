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

/**
 * A second fixed run for golden files, for what the seed run lacks: origins that collapse into one
 * summary row (and one that breaks the group), engine splits on passing rows, rows sent with
 * --actual (a passing and a failing actual response), a simple request with no preflight, and the
 * real-browser confirmation column (agreeing, disagreeing, and a Firefox one).
 */
final class ScenarioFixtures {

  static final Instant AT = Instant.parse("2026-11-24T04:00:00Z");
  static final String VERSION = "0.1.0-test";

  static final List<HeaderLine> FETCH =
      List.of(h("Authorization", "Bearer sk-test"), h("Content-Type", "application/json"));

  private ScenarioFixtures() {}

  static AuditRun run() {
    List<AuditResult> results = new ArrayList<>();
    Provider gateway = provider("gateway", "Gateway", "https://gw.example.com/v1", false);
    RecordedResponse wildcard =
        response(
            204,
            List.of(
                h("access-control-allow-origin", "*"),
                h("access-control-allow-headers", "*"),
                h("access-control-max-age", "600")));
    // Three origins, one answer: collapsed into one summary row. The answer is an engine split.
    for (String origin : List.of("https://a.example", "https://b.example", "https://c.example")) {
      results.add(row(results.size(), gateway, "fetch", origin, "POST", FETCH, wildcard, null));
    }
    // Same provider and profile, another answer: a row of its own.
    results.add(
        row(
            results.size(),
            gateway,
            "fetch",
            "https://d.example",
            "POST",
            FETCH,
            response(204, List.of(h("access-control-allow-origin", "https://a.example"))),
            null));
    // Firefox sends a script-set User-Agent, Chromium drops it: passes in Chromium only.
    Provider sdk = provider("sdk-host", "SDK Host", "https://sdk.example.net/api", false);
    results.add(
        row(
            results.size(),
            sdk,
            "custom",
            "https://a.example",
            "GET",
            List.of(h("User-Agent", "my-sdk/1.0"), h("X-Test", "1")),
            response(
                204,
                List.of(
                    h("access-control-allow-origin", "*"),
                    h("access-control-allow-headers", "x-test"))),
            null));
    // --actual: the preflight passes and the actual response hides the rate-limit headers.
    Provider actual = provider("actual-ok", "Actual OK", "https://ok.example.org/v1", true);
    RecordedResponse allowed =
        response(
            204,
            List.of(
                h("access-control-allow-origin", "*"),
                h("access-control-allow-headers", "authorization, content-type"),
                h("access-control-allow-methods", "POST"),
                h("vary", "Origin")));
    results.add(
        row(
            results.size(),
            actual,
            "fetch",
            "https://a.example",
            "POST",
            FETCH,
            allowed,
            new RecordedResponse(
                429,
                "HTTP/1.1",
                List.of(
                    h("access-control-allow-origin", "*"),
                    h("retry-after", "20"),
                    h("x-ratelimit-remaining-requests", "0"),
                    h("content-type", "application/json")),
                "application/json",
                "{\"error\":\"rate limited\"}",
                false)));
    // --actual: the actual 401 carries no Access-Control-Allow-Origin.
    Provider denied = provider("actual-401", "Actual 401", "https://denied.example.org/v1", true);
    results.add(
        row(
            results.size(),
            denied,
            "fetch",
            "https://a.example",
            "POST",
            FETCH,
            allowed,
            new RecordedResponse(
                401,
                "HTTP/1.1",
                List.of(h("content-type", "application/json")),
                "application/json",
                "{\"error\":\"Invalid API key\"}",
                false)));
    // A simple request: no preflight, the actual response is the one graded.
    Provider simple = provider("simple", "Simple GET", "https://simple.example.org/v1", true);
    results.add(
        row(
            results.size(),
            simple,
            "none",
            "https://a.example",
            "GET",
            List.of(),
            null,
            response(200, List.of(h("access-control-allow-origin", "*")))));
    confirm(
        results,
        0,
        new BrowserConfirmation("chromium", "Chromium 140.0", "PASS", "204", List.of()));
    confirm(
        results,
        3,
        new BrowserConfirmation(
            "chromium",
            "",
            "FAIL",
            "TypeError: Failed to fetch",
            List.of(
                "Access to fetch at 'https://gw.example.com/v1/chat/completions' from"
                    + " origin 'https://d.example' has been blocked by CORS policy")));
    confirm(
        results, 4, new BrowserConfirmation("firefox", "Firefox 128.0", "PASS", "204", List.of()));
    confirm(
        results,
        6,
        new BrowserConfirmation("chromium", "Chromium 140.0", "PASS", "401", List.of()));
    return new AuditRun(VERSION, AT, false, results, List.of(), true);
  }

  private static void confirm(List<AuditResult> results, int row, BrowserConfirmation c) {
    results.set(row, results.get(row).withConfirmation(c));
  }

  static AuditResult row(
      int seq,
      Provider provider,
      String profile,
      String origin,
      String method,
      List<HeaderLine> headers,
      RecordedResponse preflight,
      RecordedResponse actual) {
    CorsRequest request =
        new CorsRequest(provider.url(), origin, method, headers, CredentialsMode.OMIT);
    Exchange pre =
        preflight == null
            ? null
            : Exchange.ofResponse(sent(request, provider.url()), preflight, AT, 42);
    Exchange act =
        actual == null
            ? null
            : Exchange.ofResponse(
                new SentRequest(method, provider.url(), "HTTP/1.1", headers, List.of()),
                actual,
                AT,
                17);
    AuditTarget target =
        new AuditTarget(
            seq, provider, profile, request, RequestPlans.of(request), provider.url(), null);
    return AuditResult.graded(target, pre, act, Grader.grade(request, pre, act));
  }

  static SentRequest sent(CorsRequest request, String url) {
    PlannedRequest planned = BrowserRequests.preflight(request, url, "Mozilla/5.0 (test)");
    return new SentRequest(
        planned.method(),
        url,
        "HTTP/1.1",
        planned.headers(),
        List.of(h("Host", java.net.URI.create(url).getRawAuthority()), h("Content-Length", "0")));
  }

  static Provider provider(String id, String name, String base, boolean actual) {
    return Provider.builder(id, base)
        .name(name)
        .origins(List.of("https://a.example"))
        .replica(id)
        .actual(actual)
        .build();
  }

  static RecordedResponse response(int status, List<HeaderLine> headers) {
    return new RecordedResponse(status, "HTTP/1.1", headers, null, "", false);
  }

  static HeaderLine h(String name, String value) {
    return new HeaderLine(name, value);
  }
}
