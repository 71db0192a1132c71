package dev.corsaudit.security;

import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.RecordedResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Pure: decides whether a response to a hostile Origin shows a broken origin check. */
public final class SecurityGrader {

  private SecurityGrader() {}

  /**
   * Findings for one hostile probe; empty when the endpoint refused the origin (or answered `*`).
   */
  public static List<Finding> grade(
      String providerId, HostileOrigin hostile, String probe, RecordedResponse response) {
    List<Finding> findings = new ArrayList<>();
    String allowOrigin = response.header("Access-Control-Allow-Origin");
    if (allowOrigin == null || !allowOrigin.trim().equals(hostile.origin())) {
      return findings;
    }
    boolean credentials =
        "true".equals(trimmed(response.header("Access-Control-Allow-Credentials")));
    Severity severity = credentials ? Severity.CRITICAL : hostile.kind().baseSeverity();
    String withCredentials =
        credentials
            ? " together with Access-Control-Allow-Credentials: true, so that page can send the user's"
                + " cookies and read the answers"
            : "";
    findings.add(
        new Finding(
            providerId,
            hostile.kind(),
            severity,
            hostile.origin(),
            probe,
            "allows " + hostile.why() + " (" + hostile.origin() + ")" + withCredentials,
            fix(hostile.kind()),
            corsLines(response)));
    if (hostile.kind() == FindingCode.REFLECTS_ANY_ORIGIN && !varyHasOrigin(response)) {
      findings.add(
          new Finding(
              providerId,
              FindingCode.REFLECTED_WITHOUT_VARY,
              Severity.MEDIUM,
              hostile.origin(),
              probe,
              "echoes the request's Origin without Vary: Origin, so a shared cache can serve one site's"
                  + " Access-Control-Allow-Origin to another (cache poisoning)",
              "send Vary: Origin on every response whose Access-Control-Allow-Origin depends on the Origin",
              corsLines(response)));
    }
    return findings;
  }

  static String fix(FindingCode code) {
    return switch (code) {
      case REFLECTS_ANY_ORIGIN ->
          "check Origin against allow_origins for exact equality and never copy it into the response"
              + " unchecked; a public API without cookies can send '*' with allow_credentials: false";
      case TRUSTS_NULL_ORIGIN ->
          "remove null from allow_origins: sandboxed iframes and data: URLs on any site have origin null";
      case PREFIX_MATCH, SUFFIX_MATCH ->
          "compare the whole origin (scheme, host and port) for equality with an allow_origins entry,"
              + " not with startsWith/endsWith or an unanchored regex";
      case SUBDOMAIN_TRUSTED ->
          "list the exact subdomains in allow_origins instead of a wildcard pattern";
      case INSECURE_ORIGIN_TRUSTED -> "list only https:// origins in allow_origins";
      default -> "make the endpoint's answer match its policy";
    };
  }

  static List<HeaderLine> corsLines(RecordedResponse response) {
    List<HeaderLine> lines = new ArrayList<>();
    for (HeaderLine line : response.headers()) {
      String name = line.name().toLowerCase(Locale.ROOT);
      if (name.startsWith("access-control-") || name.equals("vary")) {
        lines.add(line);
      }
    }
    return lines;
  }

  static boolean varyHasOrigin(RecordedResponse response) {
    return HeaderLine.listHas(response.headers(), "Vary", "Origin");
  }

  private static String trimmed(String value) {
    return value == null ? null : value.trim();
  }
}
