package dev.corsaudit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import org.junit.jupiter.api.Test;

/** The launcher's training run audits the replicas once per format and prints nothing. */
class CdsTrainingTest {

  @Test
  void runsEveryFormatOfflineAndPrintsNothing() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    int[] codes;
    try {
      System.setOut(new PrintStream(printed, true));
      System.setErr(new PrintStream(printed, true));
      codes = CdsTraining.run();
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    // 1 = the replicas include providers that fail, as the README's example run shows.
    assertArrayEquals(new int[] {ExitCodes.FAIL, ExitCodes.FAIL, ExitCodes.FAIL}, codes);
    assertEquals("", printed.toString());
  }
}
