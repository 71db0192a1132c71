package dev.corsaudit.security;

import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.RecordedResponse;
import dev.corsaudit.policy.CorsPolicy;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Pure: compares an endpoint's answers with the policy it declares (the seed-000 schema). A listed
 * origin must get exactly the policy's headers; an unlisted one must get no CORS headers at all.
 */
public final class PolicyChecker {

  private PolicyChecker() {}

  public static boolean allowsAnyOrigin(CorsPolicy policy) {
    return policy.allowOrigins().contains("*");
  }

  /** The preflight answer to a listed origin, requesting the policy's headers. */
  public static List<Finding> checkListedOrigin(
      String providerId, CorsPolicy policy, String origin, RecordedResponse preflight) {
    List<Finding> findings = new ArrayList<>();
    List<HeaderLine> evidence = SecurityGrader.corsLines(preflight);
    String allowOrigin = trim(preflight.header("Access-Control-Allow-Origin"));
    String expectedOrigin = allowsAnyOrigin(policy) ? "*" : origin;
    if (!expectedOrigin.equals(allowOrigin)
        && !(allowsAnyOrigin(policy) && origin.equals(allowOrigin))) {
      findings.add(
          finding(
              providerId,
              FindingCode.POLICY_ORIGIN_NOT_ALLOWED,
              origin,
              "the policy allows "
                  + origin
                  + " but the preflight answered Access-Control-Allow-Origin: "
                  + (allowOrigin == null ? "(none)" : allowOrigin)
                  + (preflight.status() / 100 == 2 ? "" : " with status " + preflight.status()),
              "make the endpoint apply its allow_origins: answer "
                  + origin
                  + " with Access-Control-Allow-Origin: "
                  + expectedOrigin,
              evidence));
      return findings;
    }
    Set<String> methods = items(preflight.header("Access-Control-Allow-Methods"), false);
    Set<String> wantMethods = new LinkedHashSet<>(policy.allowMethods());
    if (!methods.equals(wantMethods)) {
      findings.add(
          finding(
              providerId,
              FindingCode.POLICY_METHODS_MISMATCH,
              origin,
              "Access-Control-Allow-Methods is "
                  + show(methods)
                  + ", the policy says "
                  + show(wantMethods),
              "send Access-Control-Allow-Methods: " + String.join(", ", policy.allowMethods()),
              evidence));
    }
    Set<String> headers = items(preflight.header("Access-Control-Allow-Headers"), true);
    Set<String> wantHeaders = lower(policy.allowHeaders());
    if (!headers.equals(wantHeaders)) {
      findings.add(
          finding(
              providerId,
              FindingCode.POLICY_HEADERS_MISMATCH,
              origin,
              "Access-Control-Allow-Headers is "
                  + show(headers)
                  + ", the policy says "
                  + show(wantHeaders),
              "send Access-Control-Allow-Headers: " + String.join(", ", policy.allowHeaders()),
              evidence));
    }
    String credentials = trim(preflight.header("Access-Control-Allow-Credentials"));
    boolean sendsCredentials = "true".equals(credentials);
    if (sendsCredentials != policy.allowCredentials()) {
      findings.add(
          finding(
              providerId,
              FindingCode.POLICY_CREDENTIALS_MISMATCH,
              origin,
              "Access-Control-Allow-Credentials is "
                  + (credentials == null ? "absent" : "'" + credentials + "'")
                  + ", the policy says allow_credentials: "
                  + policy.allowCredentials(),
              policy.allowCredentials()
                  ? "send Access-Control-Allow-Credentials: true"
                  : "do not send Access-Control-Allow-Credentials",
              evidence));
    }
    String maxAge = trim(preflight.header("Access-Control-Max-Age"));
    if (!Long.toString(policy.maxAge()).equals(maxAge)) {
      findings.add(
          finding(
              providerId,
              FindingCode.POLICY_MAX_AGE_MISMATCH,
              origin,
              "Access-Control-Max-Age is "
                  + (maxAge == null ? "absent" : maxAge)
                  + ", the policy says "
                  + policy.maxAge(),
              "send Access-Control-Max-Age: " + policy.maxAge(),
              evidence));
    }
    return findings;
  }

  /** A simple (non-preflighted) answer to a listed origin: expose headers as configured. */
  public static List<Finding> checkExposeHeaders(
      String providerId, CorsPolicy policy, String origin, RecordedResponse simple) {
    Set<String> exposed = items(simple.header("Access-Control-Expose-Headers"), true);
    Set<String> want = lower(policy.exposeHeaders());
    if (exposed.equals(want)) {
      return List.of();
    }
    return List.of(
        finding(
            providerId,
            FindingCode.POLICY_EXPOSE_HEADERS_MISMATCH,
            origin,
            "Access-Control-Expose-Headers is " + show(exposed) + ", the policy says " + show(want),
            want.isEmpty()
                ? "do not send Access-Control-Expose-Headers"
                : "send Access-Control-Expose-Headers: "
                    + String.join(", ", policy.exposeHeaders()),
            SecurityGrader.corsLines(simple)));
  }

  /** The answer to an origin the policy does not list: no CORS headers at all. */
  public static List<Finding> checkUnlistedOrigin(
      String providerId, CorsPolicy policy, String origin, RecordedResponse response) {
    if (allowsAnyOrigin(policy)) {
      return List.of();
    }
    String allowOrigin = response.header("Access-Control-Allow-Origin");
    if (allowOrigin == null) {
      return List.of();
    }
    return List.of(
        finding(
            providerId,
            FindingCode.POLICY_EXTRA_ORIGIN,
            origin,
            "the policy does not list "
                + origin
                + " but the endpoint answered Access-Control-Allow-Origin: "
                + allowOrigin,
            "add no CORS headers for origins outside allow_origins",
            SecurityGrader.corsLines(response)));
  }

  private static Finding finding(
      String providerId,
      FindingCode code,
      String origin,
      String message,
      String fix,
      List<HeaderLine> evidence) {
    return new Finding(
        providerId, code, code.baseSeverity(), origin, "policy", message, fix, evidence);
  }

  private static Set<String> items(String header, boolean lowerCase) {
    Set<String> out = new LinkedHashSet<>();
    if (header == null) {
      return out;
    }
    for (String item : header.split(",")) {
      String token = item.trim();
      if (!token.isEmpty()) {
        out.add(lowerCase ? token.toLowerCase(Locale.ROOT) : token);
      }
    }
    return out;
  }

  private static Set<String> lower(List<String> names) {
    Set<String> out = new LinkedHashSet<>();
    names.forEach(n -> out.add(n.toLowerCase(Locale.ROOT)));
    return out;
  }

  private static String show(Set<String> items) {
    return items.isEmpty() ? "(none)" : String.join(", ", items);
  }

  private static String trim(String value) {
    return value == null ? null : value.trim();
  }
}
