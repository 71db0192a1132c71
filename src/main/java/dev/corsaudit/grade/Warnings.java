package dev.corsaudit.grade;

import dev.corsaudit.fetch.BrowserRequests;
import dev.corsaudit.fetch.ForbiddenHeaders;
import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.PreflightPlan;
import dev.corsaudit.model.RecordedResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Advice that does not block the request today but matters: engine splits, caching, exposure. */
final class Warnings {

  private Warnings() {}

  static List<Cause> collect(
      CorsRequest request,
      PreflightPlan plan,
      Exchange preflight,
      Exchange actual,
      Map<Engine, EngineVerdict> engines,
      List<String> readable) {
    List<Cause> warnings = new ArrayList<>();
    // The page set a forbidden request header: fetch() does not throw, every browser leaves it
    // out, and the row was graded without it.
    for (String dropped : BrowserRequests.droppedHeaders(request)) {
      warnings.add(
          new Cause(
              CauseCode.FORBIDDEN_HEADER_DROPPED,
              ForbiddenHeaders.message(dropped),
              "remove " + dropped + " from the profile or --header: no page can send it",
              dropped));
    }
    engineSplits(engines, warnings);
    RecordedResponse preflightResponse = preflight == null ? null : preflight.response();
    RecordedResponse actualResponse = actual == null ? null : actual.response();
    for (RecordedResponse response : new RecordedResponse[] {preflightResponse, actualResponse}) {
      if (response != null && reflectsWithoutVary(response, request.origin())) {
        warnings.add(
            new Cause(
                CauseCode.MISSING_VARY_ORIGIN,
                "Access-Control-Allow-Origin echoes the page's origin without Vary: Origin: a shared cache can"
                    + " serve this answer to another origin, which then fails",
                "send Vary: Origin with every response whose Access-Control-Allow-Origin depends on the Origin"));
        break;
      }
    }
    if (preflightResponse != null && CacheTime.isInvalid(preflightResponse.headers())) {
      warnings.add(
          new Cause(
              CauseCode.MAX_AGE_INVALID,
              "Access-Control-Max-Age '"
                  + HeaderLine.combined(preflightResponse.headers(), "Access-Control-Max-Age")
                  + "' is not a number of seconds: Chromium and WebKit cache 5 s, Firefox does not cache",
              "send max_age as a non-negative whole number of seconds (Chromium caps it at 7200)"));
    }
    if (readable != null && actualResponse != null) {
      List<String> hidden = new ArrayList<>();
      for (HeaderLine line : actualResponse.headers()) {
        String name = line.lowerName();
        if (ExposedHeaders.isInteresting(name)
            && !readable.contains(name)
            && !hidden.contains(name)) {
          hidden.add(name);
        }
      }
      if (!hidden.isEmpty()) {
        warnings.add(
            new Cause(
                CauseCode.RESPONSE_HEADERS_NOT_EXPOSED,
                "Script cannot read "
                    + String.join(", ", hidden)
                    + ": they are not in Access-Control-Expose-Headers",
                "add "
                    + String.join(", ", hidden)
                    + " to expose_headers so apps can back off and report request ids",
                String.join(",", hidden)));
      }
    }
    if (!plan.preflightNeeded() && actual == null) {
      warnings.add(
          new Cause(
              CauseCode.ACTUAL_NOT_CHECKED,
              "This request needs no preflight; only the actual response's Access-Control-Allow-Origin decides, and it was not checked",
              "send the actual request too (the actual-request option) to check its response"));
    }
    if (isLocal(host(request.url())) && !isLocal(host(request.origin()))) {
      warnings.add(
          new Cause(
              CauseCode.LOCAL_NETWORK_ACCESS,
              "A public page calling a local server: Chrome (142+) asks the user for Local Network Access"
                  + " permission first, and the page must be a secure context (https); Firefox and Safari do not"
                  + " ask. Access-Control-Allow-Private-Network is no longer required by any browser",
              "serve the app over https and expect a permission prompt, or run the app from a local origin"));
    }
    return warnings;
  }

  private static void engineSplits(Map<Engine, EngineVerdict> engines, List<Cause> warnings) {
    EngineVerdict chromium = engines.get(Engine.TOP);
    for (Engine engine : Engine.values()) {
      EngineVerdict other = engines.get(engine);
      if (engine == Engine.TOP || other.outcome() == chromium.outcome()) {
        continue;
      }
      boolean authorizationOnly =
          !engine.starCoversAuthorization()
              && other.outcome() == Outcome.FAIL
              && other.causes().stream().allMatch(c -> "authorization".equals(c.detail()));
      if (authorizationOnly) {
        warnings.add(
            new Cause(
                CauseCode.WILDCARD_DOES_NOT_COVER_AUTHORIZATION,
                "PASS in browsers today, FAIL per spec: '*' in Access-Control-Allow-Headers does not cover Authorization"
                    + " (browsers may start enforcing this)",
                "list Authorization explicitly in allow_headers (e.g. Access-Control-Allow-Headers: *, Authorization)",
                "authorization"));
        continue;
      }
      Cause first = other.causes().isEmpty() ? null : other.causes().get(0);
      String name = engine.phrase();
      warnings.add(
          new Cause(
              CauseCode.ENGINES_DISAGREE,
              chromium.outcome()
                  + " "
                  + Engine.TOP.phrase()
                  + ", "
                  + other.outcome()
                  + " "
                  + name
                  + (first == null ? "" : ": " + first.message()),
              first == null ? "no change needed for " + engine.key() : first.fix(),
              engine.key()));
    }
  }

  private static boolean reflectsWithoutVary(RecordedResponse response, String origin) {
    String allowOrigin = AllowOriginCheck.value(response.headers());
    if (allowOrigin == null || allowOrigin.equals("*") || !allowOrigin.equals(origin)) {
      return false;
    }
    return !HeaderLine.listHas(response.headers(), "Vary", "Origin");
  }

  private static String host(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null ? "" : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** Loopback, private, link-local or .local: what Chrome's Local Network Access gates. */
  static boolean isLocal(String host) {
    if (host.isEmpty()) {
      return false;
    }
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    return h.equals("localhost")
        || h.endsWith(".localhost")
        || h.endsWith(".local")
        || h.startsWith("127.")
        || h.startsWith("10.")
        || h.startsWith("192.168.")
        || h.startsWith("169.254.")
        || h.matches("172\\.(1[6-9]|2\\d|3[01])\\..*")
        || (h.contains(":")
            && (h.equals("::1")
                || h.startsWith("fc")
                || h.startsWith("fd")
                || h.startsWith("fe80")));
  }
}
