package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing a released lock again does nothing: it never removes the next holder's lock file. */
class ReportsLockCloseTest {

  @Test
  void aSecondCloseLeavesTheNextHolderAlone(@TempDir Path dir) throws Exception {
    ReportsLock first = ReportsLock.acquire(dir);
    first.close();
    try (ReportsLock next = ReportsLock.acquire(dir)) {
      first.close();
      assertTrue(Files.exists(dir.resolve(ReportsLock.FILE_NAME)), "the next holder's file");
    }
  }
}
