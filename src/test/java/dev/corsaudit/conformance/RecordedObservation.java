package dev.corsaudit.conformance;

import dev.corsaudit.model.HeaderLine;
import java.util.List;

/**
 * What a case file records one real browser did (its {@code observed.<browser>} block), in the same
 * normalised form BrowserConformanceTest derives from a fresh {@link Observation}: page origin as
 * {origin}, target base URL as {target}. Comparing the two records is how a run notices that a
 * browser changed its mind about anything, console wording included.
 *
 * @param error the rejection text script saw (null on PASS)
 * @param status the status script saw (0 when rejected)
 * @param readableHeaders the response headers script could read, as Headers lists them
 * @param preflights OPTIONS requests the server saw
 * @param requestMethodHeader the preflight's Access-Control-Request-Method, or null
 * @param requestHeadersHeader the preflight's Access-Control-Request-Headers, or null
 * @param actuals non-OPTIONS requests the server saw
 * @param actualMethod the actual request's method, or null
 * @param actualOrigin the actual request's Origin header, or null
 * @param console the browser's console lines about the case
 * @param hops what reached each redirect hop, in order (empty for a case without redirects)
 */
public record RecordedObservation(
    String error,
    int status,
    List<HeaderLine> readableHeaders,
    int preflights,
    String requestMethodHeader,
    String requestHeadersHeader,
    int actuals,
    String actualMethod,
    String actualOrigin,
    List<String> console,
    List<HopObservation> hops) {

  public RecordedObservation {
    readableHeaders = List.copyOf(readableHeaders);
    console = List.copyOf(console);
    hops = List.copyOf(hops);
  }

  /** The observation in recorded form; its console lines are already normalised. */
  static RecordedObservation of(Observation seen, String pageOrigin) {
    String origin = HopObservation.masked(seen.actualOrigin(), pageOrigin);
    return new RecordedObservation(
        seen.error(),
        seen.status(),
        seen.readableHeaders(),
        seen.preflights(),
        seen.requestMethodHeader(),
        seen.requestHeadersHeader(),
        seen.actuals(),
        seen.actualMethod(),
        origin,
        seen.consoleLines(),
        seen.hops());
  }
}
