package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.RowStatus;
import dev.corsaudit.result.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One report run per directory at a time, and the one rule for what may become the baseline. */
class ReportsLockTest {

  @TempDir Path dir;

  @Test
  void aSecondRunIsRefusedWhileTheFirstHoldsTheLock() throws Exception {
    Path reports = dir.resolve("reports");
    try (ReportsLock first = ReportsLock.acquire(reports)) {
      assertTrue(Files.exists(reports.resolve(ReportsLock.FILE_NAME)));
      ReportsLock.HeldException held =
          assertThrows(ReportsLock.HeldException.class, () -> ReportsLock.acquire(reports));
      assertTrue(held.getMessage().endsWith(ReportsLock.FILE_NAME), held.getMessage());
    }
    assertFalse(Files.exists(reports.resolve(ReportsLock.FILE_NAME)), "removed on release");
    try (ReportsLock again = ReportsLock.acquire(reports)) {
      assertTrue(Files.exists(reports.resolve(ReportsLock.FILE_NAME)), "free again");
    }
  }

  @Test
  void aStaleLockFileFromAKilledRunDoesNotBlock() throws Exception {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(ReportsLock.FILE_NAME), "");
    try (ReportsLock lock = ReportsLock.acquire(dir)) {
      assertTrue(Files.exists(dir.resolve(ReportsLock.FILE_NAME)));
    }
  }

  private static AuditRun run(int pass, int fail, int error, int skipped, int unfinished) {
    Map<RowStatus, Integer> counts = new EnumMap<>(RowStatus.class);
    counts.put(RowStatus.PASS, pass);
    counts.put(RowStatus.FAIL, fail);
    counts.put(RowStatus.ERROR, error);
    counts.put(RowStatus.SKIPPED, skipped);
    counts.put(RowStatus.UNFINISHED, unfinished);
    int total = pass + fail + error + skipped + unfinished;
    return new AuditRun(
        "v", Instant.EPOCH, false, List.of(), List.of(), false, new RunSummary(total, counts));
  }

  @Test
  void aNormalRunBecomesTheBaseline() {
    Baseline.Decision d = Baseline.decide(run(3, 1, 1, 2, 0), RunNotes.DEFAULT);
    assertTrue(d.allowed(), d.reason());
  }

  @Test
  void anInterruptedRunDoesNot() {
    assertFalse(Baseline.decide(run(3, 0, 0, 0, 1), RunNotes.DEFAULT).allowed());
    Baseline.Decision d = Baseline.decide(run(3, 0, 0, 0, 0), RunNotes.DEFAULT.incomplete());
    assertFalse(d.allowed());
    assertTrue(d.reason().contains("interrupted"), d.reason());
  }

  @Test
  void aRunThatAuditedNothingDoesNot() {
    Baseline.Decision d = Baseline.decide(run(0, 0, 0, 4, 0), RunNotes.DEFAULT);
    assertFalse(d.allowed());
    assertTrue(d.reason().contains("nothing was audited"), d.reason());
  }

  @Test
  void aMostlyErrorRunDoesNotButHalfErrorDoes() {
    Baseline.Decision mostly = Baseline.decide(run(1, 0, 2, 0, 0), RunNotes.DEFAULT);
    assertFalse(mostly.allowed());
    assertTrue(mostly.reason().contains("2 of 3"), mostly.reason());
    assertTrue(Baseline.decide(run(1, 1, 2, 0, 0), RunNotes.DEFAULT).allowed(), "half is not most");
  }

  @Test
  void theAllowedDecisionSaysSo() {
    assertEquals(true, Baseline.decide(run(1, 0, 0, 0, 0), RunNotes.DEFAULT).allowed());
  }
}
