package dev.corsaudit.result;

import dev.corsaudit.config.Provider;
import dev.corsaudit.grade.RequestPlans;
import dev.corsaudit.model.CorsRequest;

/**
 * One row of a report before it is probed: provider × profile × origin.
 *
 * @param seq position in input order, so output order never depends on thread timing
 * @param request the request a page would make (its URL is the provider's real URL)
 * @param plans what each engine decides before sending anything, made once for the row
 * @param probeUrl where the preflight is actually sent: the real URL, or a replica's loopback URL
 * @param skipReason why the row is not probed (e.g. no replica for it), or null
 */
public record AuditTarget(
    int seq,
    Provider provider,
    String profile,
    CorsRequest request,
    RequestPlans plans,
    String probeUrl,
    String skipReason) {

  public boolean skipped() {
    return skipReason != null;
  }

  /** The same row probed at another URL (a replica server started for this run). */
  public AuditTarget at(String url) {
    return new AuditTarget(seq, provider, profile, request, plans, url, skipReason);
  }
}
