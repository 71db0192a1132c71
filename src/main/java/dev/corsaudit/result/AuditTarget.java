package dev.corsaudit.result;

import dev.corsaudit.config.Provider;
import dev.corsaudit.model.CorsRequest;

/**
 * One row of a report before it is probed: provider × profile × origin.
 *
 * @param seq position in input order, so output order never depends on thread timing
 * @param request the request a page would make (its URL is the provider's real URL)
 * @param probeUrl where the preflight is actually sent: the real URL, or a replica's loopback URL
 * @param skipReason why the row is not probed (e.g. no replica for it), or null
 */
public record AuditTarget(
    int seq,
    Provider provider,
    String profile,
    CorsRequest request,
    String probeUrl,
    String skipReason) {

  public boolean skipped() {
    return skipReason != null;
  }
}
