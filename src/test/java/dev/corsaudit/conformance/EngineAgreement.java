package dev.corsaudit.conformance;

import dev.corsaudit.grade.Engine;
import dev.corsaudit.grade.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Holds a {@link VerdictSource} against the outcomes recorded in the case files (which
 * BrowserConformanceTest keeps true to real browsers), for every engine a case records.
 */
public final class EngineAgreement {

  /** One case where the source and the recorded outcome differ. */
  public record Mismatch(String caseId, Engine engine, Outcome recorded, Outcome given) {
    @Override
    public String toString() {
      return caseId + " [" + engine.key() + "]: recorded " + recorded + ", source gave " + given;
    }
  }

  private EngineAgreement() {}

  public static List<Mismatch> mismatches(VerdictSource source, List<ConformanceCase> cases) {
    List<Mismatch> out = new ArrayList<>();
    for (ConformanceCase c : cases) {
      for (Map.Entry<Engine, Outcome> recorded : c.expect().entrySet()) {
        Outcome given = source.outcome(recorded.getKey(), c);
        if (given != recorded.getValue()) {
          out.add(new Mismatch(c.id(), recorded.getKey(), recorded.getValue(), given));
        }
      }
    }
    out.sort(Comparator.comparing(Mismatch::caseId).thenComparing(Mismatch::engine));
    return out;
  }
}
