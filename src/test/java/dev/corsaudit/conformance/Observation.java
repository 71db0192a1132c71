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
 *     base URL replaced by {origin} and {target}
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
    List<String> consoleLines) {

  public Observation {
    readableHeaders = List.copyOf(readableHeaders);
    consoleLines = List.copyOf(consoleLines);
  }
}
