package dev.corsaudit.conformance;

import java.util.Objects;

/**
 * One response after a redirect of a case's actual request: the target serves {@code
 * redirects[n-1]} at {@code <case url>/<n>}, and that URL's OPTIONS gets {@code preflight} (a plain
 * 403 when it is null, so an unexpected preflight fails visibly).
 *
 * @param response the answer to the request that reaches this hop
 * @param preflight the answer to this hop's own preflight, or null
 */
public record CaseHop(CaseResponse response, CaseResponse preflight) {

  public CaseHop {
    Objects.requireNonNull(response, "response");
  }
}
