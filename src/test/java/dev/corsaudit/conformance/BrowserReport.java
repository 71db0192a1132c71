package dev.corsaudit.conformance;

import dev.corsaudit.model.HeaderLine;
import java.util.List;

/**
 * What the page's script saw for one case.
 *
 * @param ok true when fetch() resolved (the browser let the response through)
 * @param error the rejection's text (e.g. "TypeError: Failed to fetch"), or null
 * @param headers the response headers script can read, as the Headers object lists them
 */
record BrowserReport(String id, boolean ok, String error, int status, List<HeaderLine> headers) {

  BrowserReport {
    headers = List.copyOf(headers);
  }
}
