package dev.corsaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Endless input (/dev/zero, read only) stops at the size cap while reading: one line, exit 2, and
 * memory that does not grow. policy lint reports Jackson's limits as one located line.
 */
@Timeout(60)
class BoundedReadTest {

  private static final Path ZERO = Path.of("/dev/zero");

  @Test
  void providersFileFromDevZero() {
    assumeTrue(Files.isReadable(ZERO));
    CliRun run = CliRun.of("check", "--providers", ZERO.toString(), "-q");
    assertEquals(2, run.code(), run.err());
    assertEquals(
        "cors-audit: /dev/zero: file is larger than 10 MiB; providers files are limited to 10 MiB\n",
        run.err());
  }

  @Test
  void policyFromDevZero() {
    assumeTrue(Files.isReadable(ZERO));
    CliRun run = CliRun.of("policy", "lint", ZERO.toString());
    assertEquals(2, run.code(), run.err());
    assertEquals(
        "/dev/zero: the file is larger than 1 MiB; a policy body is a small JSON object.\n",
        run.err());
  }

  @Test
  void diffReportFromDevZero(@TempDir Path dir) throws Exception {
    assumeTrue(Files.isReadable(ZERO));
    CliRun run = CliRun.of("diff", ZERO.toString(), ZERO.toString());
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().startsWith("cors-audit: report /dev/zero is not JSON: "), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  @Test
  void endlessWhitespaceStopsAtTheCap(@TempDir Path dir) throws Exception {
    Path big = dir.resolve("big.json");
    // 1 MiB and one byte of spaces: no token ever, so only the cap can stop the read.
    Files.writeString(big, " ".repeat((1 << 20) + 1));
    CliRun run = CliRun.of("policy", "lint", big.toString());
    assertEquals(2, run.code());
    assertTrue(run.err().contains("larger than 1 MiB"), run.err());
  }

  @Test
  void deepNestingIsOneLocatedLine(@TempDir Path dir) throws Exception {
    Path deep = Files.writeString(dir.resolve("deep.json"), "[".repeat(5000));
    CliRun run = CliRun.of("policy", "lint", deep.toString());
    assertEquals(2, run.code(), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().startsWith(deep + ": not a usable JSON policy: "), run.err());
    assertTrue(run.err().contains("(line 1, column "), run.err());
    assertFalse(run.err().contains("NullPointerException"), run.err());
    assertFalse(run.err().contains("--debug"), run.err());
  }

  @Test
  void deepYamlIsOneLineToo(@TempDir Path dir) throws Exception {
    Path deep = Files.writeString(dir.resolve("deep.yaml"), "[".repeat(5000));
    CliRun run = CliRun.of("policy", "lint", deep.toString());
    assertEquals(2, run.code(), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertFalse(run.err().contains("--debug"), run.err());
  }
}
