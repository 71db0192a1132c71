package dev.corsaudit.audit;

import dev.corsaudit.browser.BrowserConfirmation;
import dev.corsaudit.browser.Confirmer;
import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.Setting;
import dev.corsaudit.model.UserException;
import dev.corsaudit.result.AuditResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-runs each audited row's fetch() in a real browser, from a page at the row's origin, against
 * the same URL the probe used, so both verdicts can be shown side by side.
 */
final class BrowserConfirmations {

  private BrowserConfirmations() {}

  static Confirmer start(String browser) {
    try {
      return Confirmer.start(browser);
    } catch (IOException | IllegalArgumentException e) {
      throw new UserException("cannot start " + browser + ": " + e.getMessage(), Setting.BROWSER);
    }
  }

  /** The same rows, each graded row with what the browser did. */
  static List<AuditResult> run(
      Confirmer confirmer, List<AuditResult> results, ActualRequestPolicy actual) {
    List<AuditResult> out = new ArrayList<>(results.size());
    for (AuditResult result : results) {
      if (result.verdict() == null || result.target().probeUrl() == null) {
        out.add(result);
        continue;
      }
      CorsRequest request = actual.withKey(result.target());
      BrowserConfirmation confirmation;
      if (!request.origin().matches("https?://[^/]+")) {
        confirmation = BrowserConfirmation.notComparable(request.origin());
      } else {
        confirmation =
            confirmer.confirm(request, result.target().probeUrl(), actual.body(result.target()));
      }
      out.add(result.withConfirmation(confirmation));
    }
    return out;
  }
}
