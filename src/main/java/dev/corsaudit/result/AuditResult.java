package dev.corsaudit.result;

import dev.corsaudit.browser.BrowserConfirmation;
import dev.corsaudit.grade.Engine;
import dev.corsaudit.grade.EngineVerdict;
import dev.corsaudit.grade.RedirectHop;
import dev.corsaudit.grade.Verdict;
import dev.corsaudit.model.Exchange;
import java.util.List;

/**
 * One row of a run: its target, what became of it, what was exchanged and how it was graded.
 *
 * @param preflight the recorded preflight, or null when none was needed or sent
 * @param actual the recorded actual request, or null when it was not sent
 * @param verdict the grader's verdict; null exactly when the status is SKIPPED or UNFINISHED
 * @param confirmation what a real browser did with the same fetch(), or null when not asked
 * @param enginePreflights preflights other engines sent that differ from the top engine's (most
 *     rows have none)
 * @param redirects the requests fetch() made after {@code actual} was redirected, in order (the
 *     last one's response is what the page got)
 * @param lastGraded for an ERROR row, its last graded verdict from the baseline, or null
 */
public record AuditResult(
    AuditTarget target,
    RowStatus status,
    Exchange preflight,
    Exchange actual,
    Verdict verdict,
    BrowserConfirmation confirmation,
    List<EnginePreflight> enginePreflights,
    List<RedirectHop> redirects,
    LastGraded lastGraded) {

  /** Why an interrupted row has no verdict. */
  public static final String UNFINISHED_REASON = "not finished: the run was interrupted";

  public AuditResult {
    enginePreflights = enginePreflights == null ? List.of() : List.copyOf(enginePreflights);
    redirects = redirects == null ? List.of() : List.copyOf(redirects);
    if ((verdict == null) == status.graded()) {
      throw new IllegalArgumentException(status + " row with verdict " + verdict);
    }
  }

  public static AuditResult graded(
      AuditTarget target, Exchange preflight, Exchange actual, Verdict verdict) {
    return graded(target, preflight, List.of(), actual, List.of(), verdict);
  }

  public static AuditResult graded(
      AuditTarget target,
      Exchange preflight,
      List<EnginePreflight> enginePreflights,
      Exchange actual,
      List<RedirectHop> redirects,
      Verdict verdict) {
    return new AuditResult(
        target,
        RowStatus.of(verdict.outcome()),
        preflight,
        actual,
        verdict,
        null,
        enginePreflights,
        redirects,
        null);
  }

  public static AuditResult skipped(AuditTarget target) {
    return new AuditResult(
        target, RowStatus.SKIPPED, null, null, null, null, List.of(), List.of(), null);
  }

  public static AuditResult unfinished(AuditTarget target) {
    return new AuditResult(
        target, RowStatus.UNFINISHED, null, null, null, null, List.of(), List.of(), null);
  }

  public AuditResult withConfirmation(BrowserConfirmation browserConfirmation) {
    return new AuditResult(
        target,
        status,
        preflight,
        actual,
        verdict,
        browserConfirmation,
        enginePreflights,
        redirects,
        lastGraded);
  }

  /** This row with the last graded verdict carried forward (only an ERROR row carries one). */
  public AuditResult withLastGraded(LastGraded carried) {
    if (carried != null && status != RowStatus.ERROR) {
      throw new IllegalArgumentException(status + " row cannot carry a last graded verdict");
    }
    return new AuditResult(
        target,
        status,
        preflight,
        actual,
        verdict,
        confirmation,
        enginePreflights,
        redirects,
        carried);
  }

  /** Why the row has no verdict (skipped or unfinished), or null for a graded row. */
  public String skipReason() {
    return switch (status) {
      case SKIPPED -> target.skipReason();
      case UNFINISHED -> UNFINISHED_REASON;
      default -> null;
    };
  }

  /** The exchange the row is judged on: the preflight, or the actual request of a simple one. */
  public Exchange mainExchange() {
    return preflight != null ? preflight : actual;
  }

  /** Whether the browser did what cors-audit said its engine would do; null when not confirmed. */
  public Boolean browserAgrees() {
    if (confirmation == null || !confirmation.comparable()) {
      return null;
    }
    Engine engine = Engine.ofBrowser(confirmation.browser());
    EngineVerdict predicted =
        verdict == null || engine == null ? null : verdict.engines().get(engine);
    return predicted != null && predicted.outcome().name().equals(confirmation.outcome());
  }
}
