package dev.corsaudit.evidence;

import dev.corsaudit.fetch.BrowserRequests;
import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.PreflightPlan;
import dev.corsaudit.policy.CorsPolicy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the endpoint should answer so this request passes in every browser: the preflight response
 * headers, and the same as an endpoint CORS policy (allow_origins, allow_methods, ...).
 */
public record FixSuggestion(List<HeaderLine> preflightHeaders, CorsPolicy policy) {

  /** Firefox honours a day; Chromium caps at two hours and WebKit at ten minutes. */
  static final long MAX_AGE = 86400;

  public static FixSuggestion forRequest(CorsRequest request) {
    return forRequest(request, BrowserRequests.plan(request));
  }

  /**
   * @param plan the browser's plan of the request (the row's, made once by the audit)
   */
  public static FixSuggestion forRequest(CorsRequest request, PreflightPlan plan) {
    boolean credentialed = request.credentials() == CredentialsMode.INCLUDE;
    String method = plan.normalizedMethod();
    Set<String> methods = new LinkedHashSet<>(List.of(method, "OPTIONS"));
    List<String> headerNames = allowHeaderNames(request, plan);

    // An API-key API can allow every origin; cookies need the exact origin and credentials.
    List<String> origins = credentialed ? List.of(request.origin()) : List.of("*");
    List<HeaderLine> headers = new ArrayList<>();
    headers.add(new HeaderLine("Access-Control-Allow-Origin", origins.get(0)));
    if (credentialed) {
      headers.add(new HeaderLine("Access-Control-Allow-Credentials", "true"));
    }
    headers.add(new HeaderLine("Access-Control-Allow-Methods", String.join(", ", methods)));
    if (!headerNames.isEmpty()) {
      headers.add(new HeaderLine("Access-Control-Allow-Headers", String.join(", ", headerNames)));
    }
    headers.add(new HeaderLine("Access-Control-Max-Age", Long.toString(MAX_AGE)));
    if (credentialed) {
      headers.add(new HeaderLine("Vary", "Origin"));
    }
    CorsPolicy policy =
        new CorsPolicy(
            origins, List.copyOf(methods), headerNames, credentialed, List.of(), MAX_AGE);
    return new FixSuggestion(headers, policy);
  }

  /**
   * The CORS-unsafe headers, spelled as the page spells them. Authorization is always named: a
   * wildcard does not cover it per the Fetch Standard, whatever browsers do today.
   */
  private static List<String> allowHeaderNames(CorsRequest request, PreflightPlan plan) {
    List<String> unsafe = plan.unsafeHeaderNames();
    List<String> names = new ArrayList<>();
    for (String lower : unsafe) {
      String spelled = lower;
      for (HeaderLine line : request.headers()) {
        if (line.name().toLowerCase(Locale.ROOT).equals(lower)) {
          spelled = line.name();
          break;
        }
      }
      names.add(spelled);
    }
    return names;
  }
}
