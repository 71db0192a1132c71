package dev.corsaudit.grade;

import dev.corsaudit.fetch.BrowserRequests;
import dev.corsaudit.fetch.FetchMethods;
import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.PreflightPlan;
import dev.corsaudit.model.RecordedResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One engine's verdict on one recorded exchange, following the Fetch Standard's CORS-preflight
 * fetch (cors-rules.md §1.3) with each engine's known deviations (§2, §4): check order, whether '*'
 * covers Authorization, whether a script-set User-Agent counts, and Max-Age caps.
 */
final class EngineGrader {

  private final Engine engine;
  private final CorsRequest request;
  private final Hop hop;
  private final boolean include;
  private final List<Cause> causes = new ArrayList<>();
  private Block block;

  /**
   * Where a redirect hop's request came from.
   *
   * @param pageUrl the URL the page fetched
   * @param pageOrigin the page's origin (the hop's request says "null" once tainted)
   * @param preflightOrigin the origin the engine's preflight of the hop carried
   */
  record Hop(String pageUrl, String pageOrigin, String preflightOrigin) {}

  private EngineGrader(Engine engine, CorsRequest request, Hop hop) {
    this.engine = engine;
    this.request = request;
    this.hop = hop;
    this.include = request.credentials() == CredentialsMode.INCLUDE;
  }

  static EngineVerdict grade(
      Engine engine, CorsRequest request, PreflightPlan plan, Exchange preflight, Exchange actual) {
    return new EngineGrader(engine, request, null).run(plan, preflight, actual);
  }

  /** Grades a redirect hop's request (its preflight, if any, and its response). */
  static EngineVerdict gradeHop(
      Engine engine,
      CorsRequest request,
      Hop hop,
      PreflightPlan plan,
      Exchange preflight,
      Exchange actual) {
    return new EngineGrader(engine, request, hop).run(plan, preflight, actual);
  }

  /** Whether this engine sent a preflight before the actual request (not for a simple one). */
  private boolean preflighted;

  private EngineVerdict run(PreflightPlan plan, Exchange preflight, Exchange actual) {
    Integer cacheSeconds = null;
    preflighted = preflight != null && plan.preflightNeeded();
    // Engines differ on which requests need a preflight (Chromium drops a script-set User-Agent
    // and safelists some client hints; Firefox counts bytes >= 0x80 and judges a repeated name
    // line by line): an engine that would send none never sees the recorded preflight.
    if (preflight != null && plan.preflightNeeded()) {
      if (preflight.failed()) {
        return error(preflight);
      }
      RecordedResponse seen = EngineView.response(engine, preflight.response());
      if (seen == null) {
        return refused(preflight.response(), true);
      }
      checkPreflight(plan, seen);
      if (causes.isEmpty()) {
        cacheSeconds = CacheTime.seconds(engine, seen.headers());
      }
    }
    if (causes.isEmpty() && actual != null) {
      if (actual.failed()) {
        return error(actual);
      }
      RecordedResponse seen = EngineView.response(engine, actual.response());
      if (seen == null) {
        return refused(actual.response(), false);
      }
      checkActual(seen);
    }
    if (causes.isEmpty()) {
      return new EngineVerdict(engine, Outcome.PASS, List.of(), null, cacheSeconds);
    }
    return new EngineVerdict(
        engine,
        Outcome.FAIL,
        causes,
        hop == null
            ? ConsoleMessages.of(engine, block, request.url(), request.origin())
            : ConsoleMessages.of(
                engine, block, request.url(), request.origin(), hop.pageUrl(), hop.pageOrigin()),
        null);
  }

  private EngineVerdict error(Exchange exchange) {
    return new EngineVerdict(
        engine, Outcome.ERROR, List.of(Causes.network(exchange.error())), null, null);
  }

  /** The engine's HTTP parser failed the fetch: no console line names CORS for it. */
  private EngineVerdict refused(RecordedResponse response, boolean isPreflight) {
    Cause cause =
        Causes.headerBlockRefused(engine, isPreflight, EngineView.refusal(engine, response));
    return new EngineVerdict(engine, Outcome.FAIL, List.of(cause), null, null);
  }

  private void checkPreflight(PreflightPlan plan, RecordedResponse response) {
    List<HeaderLine> headers = response.headers();
    int status = response.status();
    boolean redirect = isRedirect(response);
    boolean okStatus = status >= 200 && status <= 299;
    String origin = hop == null ? request.origin() : hop.preflightOrigin();
    AllowOriginCheck.Result allowOrigin =
        AllowOriginCheck.check(credentialsLines(headers), origin, request.credentials());

    if (engine.statusBeforeAllowOrigin()) {
      if (!okStatus) {
        fail(
            redirect ? Causes.redirect(status, response.header("Location")) : Causes.status(status),
            redirect ? new Block.PreflightRedirect(status) : new Block.PreflightStatus(status));
      }
      if (allowOrigin != AllowOriginCheck.Result.OK) {
        failAllowOrigin(allowOrigin, response, false);
      }
    } else {
      if (redirect) {
        fail(
            Causes.redirect(status, response.header("Location")),
            new Block.PreflightRedirect(status));
      }
      if (allowOrigin != AllowOriginCheck.Result.OK) {
        failAllowOrigin(allowOrigin, response, false);
      }
      if (!okStatus && !redirect) {
        fail(Causes.status(status), new Block.PreflightStatus(status));
      }
    }
    if (!causes.isEmpty()) {
      return;
    }

    HeaderLists.Parsed methods = HeaderLists.parse(headers, "Access-Control-Allow-Methods");
    HeaderLists.Parsed allowHeaders = HeaderLists.parse(headers, "Access-Control-Allow-Headers");
    // The consoles quote the offending element, except WebKit's, which quotes the whole header
    // value (the lines joined with ", " by its HTTP layer).
    if (methods.failed()) {
      String quoted =
          engine.consoleInWebCoreStyle()
              ? HeaderLine.combined(headers, "Access-Control-Allow-Methods")
              : methods.invalidElement();
      fail(
          Causes.invalidList(true, methods.invalidElement()),
          new Block.AllowListParse(true, quoted, status));
    }
    if (allowHeaders.failed()) {
      String quoted =
          engine.consoleInWebCoreStyle()
              ? HeaderLine.combined(headers, "Access-Control-Allow-Headers")
              : allowHeaders.invalidElement();
      fail(
          Causes.invalidList(false, allowHeaders.invalidElement()),
          new Block.AllowListParse(false, quoted, status));
    }
    if (!causes.isEmpty()) {
      return;
    }
    checkMethod(
        plan.normalizedMethod(), methods.values() == null ? List.of() : methods.values(), status);
    checkHeaders(
        plan.unsafeHeaderNames(),
        allowHeaders.values() == null ? List.of() : allowHeaders.values(),
        status);
  }

  private void checkMethod(String method, List<String> allowed, int status) {
    if (allowed.contains(method) || FetchMethods.isSafelisted(method)) {
      return;
    }
    boolean star = allowed.contains("*");
    if (star && !include) {
      return;
    }
    fail(Causes.method(method, star && include), new Block.MethodNotAllowed(method, status));
  }

  private void checkHeaders(List<String> unsafeNames, List<String> allowed, int status) {
    List<String> lowerAllowed = allowed.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    boolean star = lowerAllowed.contains("*");
    List<String> missing = new ArrayList<>();
    boolean onlyAuthorizationUnderStar = true;
    for (String name : unsafeNames) {
      if (lowerAllowed.contains(name)) {
        continue;
      }
      boolean starCovers =
          star && !include && (engine.starCoversAuthorization() || !name.equals("authorization"));
      if (starCovers) {
        continue;
      }
      missing.add(name);
      onlyAuthorizationUnderStar &= star && !include && name.equals("authorization");
    }
    if (missing.isEmpty()) {
      return;
    }
    causes.add(
        onlyAuthorizationUnderStar
            ? Causes.authorizationNotCoveredBySpec()
            : Causes.headers(missing, star && include));
    if (block == null) {
      // The consoles name one header. Firefox names the first missing one in sorted order; Chromium
      // often does too, but not always (it walks Blink's header hash map; see the README).
      // WebKit walks WebCore's header map: known names first, canonical case (WebKitHeaderNames).
      String named =
          engine.consoleInWebCoreStyle()
              ? WebKitHeaderNames.firstMissing(
                  BrowserRequests.headerList(request.headers(), engine.requestRules()), missing)
              : missing.get(0);
      block = new Block.HeaderNotAllowed(named, status);
    }
  }

  private void checkActual(RecordedResponse response) {
    if (engine.proxyAuthIsNetworkError() && response.status() == 407) {
      // Spec: HTTP-network-or-cache fetch never hands a 407 to the page (it prompts for proxy
      // credentials and retries, or fails). Firefox and WebKit do hand it over.
      // A network error before any CORS check, and Chromium prints no CORS console line for it.
      causes.add(Causes.proxyAuth407());
      return;
    }
    AllowOriginCheck.Result allowOrigin =
        AllowOriginCheck.check(
            credentialsLines(response.headers()), request.origin(), request.credentials());
    if (allowOrigin != AllowOriginCheck.Result.OK) {
      failAllowOrigin(allowOrigin, response, true);
    }
  }

  /**
   * Firefox ignores an empty Access-Control-Allow-Credentials line (so "" next to "true" passes);
   * Chromium and WebKit's libsoup join the lines (", true") and fail. Conformance acac-*.
   */
  private List<HeaderLine> credentialsLines(List<HeaderLine> headers) {
    if (!engine.ignoresEmptyAllowCredentialsLine()) {
      return headers;
    }
    return headers.stream()
        .filter(h -> !(h.hasName("Access-Control-Allow-Credentials") && h.value().isBlank()))
        .toList();
  }

  private void failAllowOrigin(
      AllowOriginCheck.Result result, RecordedResponse response, boolean actual) {
    List<HeaderLine> headers = response.headers();
    String value =
        result == AllowOriginCheck.Result.INVALID_CREDENTIALS
            ? AllowOriginCheck.credentialsValue(headers)
            : AllowOriginCheck.value(headers);
    Cause cause =
        Causes.allowOrigin(
            result,
            actual,
            preflighted,
            request,
            value,
            AllowOriginCheck.credentialsValue(headers));
    if (result == AllowOriginCheck.Result.MISSING && !actual && !hasAnyAllowHeader(headers)) {
      cause = refineMissing(response, cause);
    }
    String unread =
        result == AllowOriginCheck.Result.MISSING && response.rawHeaderBlock()
            ? HeaderBlock.lineNaming(response.rawHeaderLines(), "Access-Control-Allow-Origin")
            : null;
    if (unread != null) {
      // The header was sent, on a line this engine's HTTP parser ignores (a space before the
      // colon).
      cause = Causes.unreadLine(cause, unread, engine);
    }
    fail(
        cause,
        new Block.AllowOrigin(
            actual,
            result,
            value,
            response.status(),
            AllowOriginCheck.lineCount(headers) > 1,
            actual && isRedirect(response) ? resolved(response.header("Location")) : null));
  }

  /** The Location of a redirect, resolved against the request's URL (as a console shows it). */
  private String resolved(String location) {
    try {
      return java.net.URI.create(request.url()).resolve(location.strip()).toString();
    } catch (IllegalArgumentException e) {
      return location;
    }
  }

  /**
   * No Access-Control-Allow-* at all: say what answered instead (the seed's NIM and OpenCode Zen).
   */
  private static Cause refineMissing(RecordedResponse response, Cause missing) {
    if (looksLikeHtml(response)) {
      return Causes.spaFallback(response.status());
    }
    if (HeaderLine.listHas(response.headers(), "Vary", "Origin")) {
      return Causes.varyWithoutAllow(HeaderLine.combined(response.headers(), "Vary"));
    }
    return missing;
  }

  static boolean looksLikeHtml(RecordedResponse response) {
    String type = response.contentType();
    if (type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html")) {
      return true;
    }
    String body = response.bodyHead().stripLeading().toLowerCase(Locale.ROOT);
    return body.startsWith("<!doctype html") || body.startsWith("<html");
  }

  private static boolean hasAnyAllowHeader(List<HeaderLine> headers) {
    for (HeaderLine line : headers) {
      if (line.lowerName().startsWith("access-control-allow-")) {
        return true;
      }
    }
    return false;
  }

  static boolean isRedirect(RecordedResponse response) {
    int status = response.status();
    boolean redirectStatus =
        status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    return redirectStatus && response.header("Location") != null;
  }

  private void fail(Cause cause, Block why) {
    causes.add(cause);
    if (block == null) {
      block = why;
    }
  }
}
