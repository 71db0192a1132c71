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

  private static final String NOT_HOSTABLE = "a page cannot be hosted at origin ";

  /**
   * No browser can run the row: a page is only hosted at an http(s) origin, so a row audited from
   * origin {@code null} or an app origin has nothing to compare with.
   */
  public static BrowserConfirmation notComparable(String origin) {
    return new BrowserConfirmation(
        "", "", "ERROR", NOT_HOSTABLE + origin + " (only http and https origins)", List.of());
  }

  /** True when the browser could not run the row at all, so there is no verdict to compare. */
  public boolean comparable() {
    return !detail.startsWith(NOT_HOSTABLE);
  }
}
