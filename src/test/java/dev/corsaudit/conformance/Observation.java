package dev.corsaudit.conformance;

import dev.corsaudit.grade.Outcome;
import dev.corsaudit.model.HeaderLine;
import java.util.List;

/**
 * What one real browser did with one case.
 *
 * @param outcome PASS when fetch() resolved, FAIL when it rejected
 * @param error the rejection text script saw, or null
 * @param status the status script saw (0 when rejected)
 * @param readableHeaders the response headers script could read
 * @param preflights how many OPTIONS requests reached the target
 * @param requestHeadersHeader the preflight's Access-Control-Request-Headers, or null
 * @param actuals how many non-OPTIONS requests reached the target
 * @param consoleLines the browser's console lines about this case, with the page origin and target
 *     base URLs replaced by {origin}, {target} and {target2}
 * @param hops what reached each redirect hop, in order (empty for a case without redirects)
 */
public record Observation(
    String browser,
    String id,
    Outcome outcome,
    String error,
    int status,
    List<HeaderLine> readableHeaders,
    int preflights,
    String requestMethodHeader,
    String requestHeadersHeader,
    int actuals,
    String actualMethod,
    String actualOrigin,
    List<String> consoleLines,
    List<HopObservation> hops) {

  public Observation {
    readableHeaders = List.copyOf(readableHeaders);
    consoleLines = List.copyOf(consoleLines);
    hops = List.copyOf(hops);
  }
}
