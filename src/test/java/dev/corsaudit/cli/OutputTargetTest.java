package dev.corsaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corsaudit.report.AtomicFiles;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * -o never replaces what the path is: a symlink is followed (and stays a link), a FIFO is written
 * into, a hard link stays one file, "-" is stdout, new files get the umask's mode, and a failed
 * write to stdout is an error. All in a scratch directory; no system device is ever written.
 */
@Timeout(120)
class OutputTargetTest {

  private static final String[] CHECK = {"check", "--replicas", "--only", "openrouter", "-q"};

  private static CliRun check(String... more) {
    String[] args = new String[CHECK.length + more.length];
    System.arraycopy(CHECK, 0, args, 0, CHECK.length);
    System.arraycopy(more, 0, args, CHECK.length, more.length);
    return CliRun.of(args);
  }

  @Test
  void newFileGetsTheUmaskMode(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("new.json");
    CliRun run = check("--format", "json", "-o", out.toString());
    assertEquals(0, run.code(), run.err());
    Path reference = Files.createFile(dir.resolve("reference"));
    assertEquals(
        PosixFilePermissions.toString(Files.getPosixFilePermissions(reference)),
        PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    assertTrue(new ObjectMapper().readTree(out.toFile()).path("results").isArray());
    try (var left = Files.list(dir)) {
      assertEquals(2, left.count(), "no temporary file left behind");
    }
  }

  @Test
  void existingFileKeepsItsMode(@TempDir Path dir) throws Exception {
    Path out = Files.writeString(dir.resolve("old.json"), "old");
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-------"));
    assertEquals(0, check("--format", "json", "-o", out.toString()).code());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    assertFalse(Files.readString(out).equals("old"));
  }

  @Test
  void symlinkIsFollowedAndStaysALink(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("sub"));
    Path real =
        Files.writeString(dir.resolve("sub").resolve("real.md"), "stale", StandardCharsets.UTF_8);
    Path link = Files.createSymbolicLink(dir.resolve("link.md"), Path.of("sub", "real.md"));
    assertEquals(0, check("--format", "markdown", "-o", link.toString()).code());
    assertTrue(Files.isSymbolicLink(link));
    assertTrue(Files.readString(real).startsWith("# LLM API CORS compatibility report"));
    // A dangling link: its target is created.
    Path dangling = Files.createSymbolicLink(dir.resolve("dangling.md"), dir.resolve("made.md"));
    assertEquals(0, check("--format", "markdown", "-o", dangling.toString()).code());
    assertTrue(Files.isSymbolicLink(dangling));
    assertTrue(Files.readString(dir.resolve("made.md")).startsWith("# LLM API"));
  }

  @Test
  void hardLinkStaysOneFile(@TempDir Path dir) throws Exception {
    Path a = Files.writeString(dir.resolve("a.json"), "old");
    Path b = Files.createLink(dir.resolve("b.json"), a);
    assertEquals(0, check("--format", "json", "-o", b.toString()).code());
    assertEquals(Files.readString(a), Files.readString(b));
    assertTrue(Files.readString(a).contains("\"results\""));
  }

  @Test
  void fifoIsWrittenIntoNotReplaced(@TempDir Path dir) throws Exception {
    Path fifo = dir.resolve("pipe");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo works");
    CompletableFuture<String> reader =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return Files.readString(fifo);
              } catch (Exception e) {
                throw new RuntimeException(e);
              }
            });
    CliRun run = check("--format", "json", "-o", fifo.toString());
    assertEquals(0, run.code(), run.err());
    String read = reader.get(30, TimeUnit.SECONDS);
    assertTrue(read.contains("\"results\""), read);
    assertTrue(
        Files.readAttributes(
                fifo, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
            .isOther(),
        "still a FIFO");
  }

  @Test
  void dashIsStdout(@TempDir Path dir) {
    CliRun run = check("--format", "json", "-o", "-");
    assertEquals(0, run.code(), run.err());
    assertTrue(run.out().contains("\"results\""), run.out());
    assertFalse(Files.exists(dir.resolve("-")));
    assertFalse(Files.exists(Path.of("-")), "no file named -");
  }

  @Test
  void directoryIsAClearError(@TempDir Path dir) {
    CliRun run = check("--format", "json", "-o", dir.toString());
    assertEquals(2, run.code());
    assertTrue(
        run.err()
            .endsWith(
                "cors-audit: cannot write "
                    + dir
                    + ": is a directory; check the path and permissions\n"),
        run.err());
  }

  @Test
  void aFailedWriteToStdoutIsAnErrorNotASilentSuccess(@TempDir Path dir) throws Exception {
    File full = new File("/dev/full");
    assumeTrue(full.exists(), "/dev/full exists");
    Process process =
        MainProcess.of("check", "--replicas", "--only", "openrouter", "--format", "json")
            .redirectOutput(full) // writing to /dev/full fails with ENOSPC; the node is untouched
            .redirectError(dir.resolve("err.txt").toFile())
            .start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    String err = Files.readString(dir.resolve("err.txt"));
    assertEquals(2, process.exitValue(), err);
    assertTrue(
        err.endsWith(
            "cors-audit: cannot write the report to standard output (disk full, or the reader went"
                + " away)\n"),
        err);
  }

  @Test
  void devStdoutIsWrittenThroughNotReplaced(@TempDir Path dir) throws Exception {
    assumeTrue(Files.exists(Path.of("/dev/stdout")), "/dev/stdout exists");
    Path captured = dir.resolve("captured.json");
    Process process =
        MainProcess.of(
                "check",
                "--replicas",
                "--only",
                "openrouter",
                "--format",
                "json",
                "-o",
                "/dev/stdout")
            .redirectOutput(captured.toFile())
            .redirectError(dir.resolve("err.txt").toFile())
            .start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), Files.readString(dir.resolve("err.txt")));
    assertTrue(Files.readString(captured).contains("\"results\""));
    assertTrue(Files.isSymbolicLink(Path.of("/dev/stdout")), "still the system's link");
  }

  @Test
  void specialFilesAreNeverReplaced() throws Exception {
    // Reads the file type only: /dev/null is a character device, which AtomicFiles writes into
    // directly (never renames over). Nothing is written to it here.
    var attributes =
        Files.readAttributes(
            Path.of("/dev/null"),
            java.nio.file.attribute.BasicFileAttributes.class,
            LinkOption.NOFOLLOW_LINKS);
    // Another process on a shared machine may have replaced it already; that is not ours to test.
    assumeTrue(attributes.isOther(), "/dev/null is a device here");
    assertEquals(".cors-audit.tmp", AtomicFiles.TEMP_SUFFIX);
  }
}
