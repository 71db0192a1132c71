package dev.corsaudit.audit;

import dev.corsaudit.browser.BrowserConfirmation;
import dev.corsaudit.browser.Confirmer;
import dev.corsaudit.grade.Engine;
import dev.corsaudit.grade.EngineVerdict;
import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.result.AuditResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Re-runs each audited row's fetch() in a real browser, from a page at the row's origin, against
 * the same URL the probe used, so both verdicts can be shown side by side.
 */
public final class BrowserConfirmations {

  private BrowserConfirmations() {}

  public static Map<Integer, BrowserConfirmation> run(
      Confirmer confirmer, List<AuditResult> results, ActualRequestPolicy actual) {
    Map<Integer, BrowserConfirmation> out = new LinkedHashMap<>();
    for (int i = 0; i < results.size(); i++) {
      AuditResult result = results.get(i);
      if (result.verdict() == null || result.target().probeUrl() == null) {
        continue;
      }
      CorsRequest request = actual.withKey(result.target());
      if (!request.origin().matches("https?://[^/]+")) {
        out.put(
            i,
            new BrowserConfirmation(
                "",
                "",
                "ERROR",
                "a page cannot be hosted at origin "
                    + request.origin()
                    + " (only http and https origins)",
                List.of()));
        continue;
      }
      out.put(
          i, confirmer.confirm(request, result.target().probeUrl(), actual.body(result.target())));
    }
    return out;
  }

  /** Whether the browser did what cors-audit said that engine would do. */
  public static boolean agrees(AuditResult result, BrowserConfirmation confirmation) {
    Engine engine = confirmation.browser().equals("firefox") ? Engine.FIREFOX : Engine.CHROMIUM;
    EngineVerdict verdict =
        result.verdict() == null ? null : result.verdict().engines().get(engine);
    return verdict != null && verdict.outcome().name().equals(confirmation.outcome());
  }
}
