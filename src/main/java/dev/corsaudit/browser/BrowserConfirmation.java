package dev.corsaudit.browser;

import java.util.List;

/**
 * What a real browser did with the page's fetch(), to show beside cors-audit's verdict.
 *
 * @param outcome PASS (fetch resolved), FAIL (TypeError: blocked), or ERROR (the browser could not
 *     be driven for this row; {@code detail} says why)
 * @param detail the response status, the error text, or why the row was not confirmed
 * @param consoleLines what the browser's console printed during the fetch
 */
public record BrowserConfirmation(
    String browser, String version, String outcome, String detail, List<String> consoleLines) {

  public BrowserConfirmation {
    consoleLines = List.copyOf(consoleLines);
  }
}
