package dev.corsaudit.model;

import java.util.List;

/**
 * What the browser decides before sending anything.
 *
 * @param normalizedMethod the method as fetch() sends it
 * @param unsafeHeaderNames the CORS-unsafe request-header names: sorted, lower-case, de-duplicated
 * @param preflightNeeded false for a "simple" request that goes out without a preflight
 */
public record PreflightPlan(
    String normalizedMethod, List<String> unsafeHeaderNames, boolean preflightNeeded) {

  public PreflightPlan {
    unsafeHeaderNames = List.copyOf(unsafeHeaderNames);
  }

  /** The Access-Control-Request-Headers value: names joined by "," without spaces, or null. */
  public String accessControlRequestHeaders() {
    return unsafeHeaderNames.isEmpty() ? null : String.join(",", unsafeHeaderNames);
  }
}
