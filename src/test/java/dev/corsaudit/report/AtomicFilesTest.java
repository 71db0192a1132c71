package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Output files are written without destroying what the path was; all in a scratch directory. */
@Timeout(20)
class AtomicFilesTest {

  @TempDir Path dir;

  private static String read(Path p) throws IOException {
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  private long tempFiles() throws IOException {
    try (var files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(AtomicFiles.TEMP_SUFFIX))
          .count();
    }
  }

  @Test
  void aNewPathIsCreatedWithItsDirectories() throws IOException {
    Path file = dir.resolve("a/b/report.json");
    AtomicFiles.write(file, "new");
    assertEquals("new", read(file));
    assertEquals(0, tempFiles());
  }

  @Test
  void aRegularFileIsReplacedAndKeepsItsMode() throws IOException {
    Path file = dir.resolve("report.md");
    Files.writeString(file, "old");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    AtomicFiles.write(file, "new");
    assertEquals("new", read(file));
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals(0, tempFiles());
  }

  @Test
  void aSymbolicLinkIsFollowedAndStaysALink() throws IOException {
    Path target = dir.resolve("target.json");
    Files.writeString(target, "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), target.getFileName());
    AtomicFiles.write(link, "new");
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new", read(target));
  }

  @Test
  void aDanglingLinkCreatesItsTarget() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("made.json"));
    AtomicFiles.write(link, "new");
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new", read(dir.resolve("made.json")));
  }

  @Test
  void aHardLinkedFileIsWrittenInPlace() throws IOException {
    Path file = dir.resolve("one.txt");
    Files.writeString(file, "old content that is longer");
    Path other = Files.createLink(dir.resolve("two.txt"), file);
    AtomicFiles.write(file, "new");
    assertEquals("new", read(other), "both names are still one file, truncated then written");
  }

  @Test
  void aFifoIsWrittenIntoNotReplaced() throws Exception {
    Path fifo = dir.resolve("pipe");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertTrue(mkfifo.waitFor(5, TimeUnit.SECONDS));
    CompletableFuture<String> reader =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return read(fifo);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    AtomicFiles.write(fifo, "through the pipe");
    assertEquals("through the pipe", reader.get(10, TimeUnit.SECONDS));
    assertFalse(Files.isRegularFile(fifo), "still a FIFO");
  }

  @Test
  void aDirectoryIsRefused() {
    FileSystemException e =
        assertThrows(FileSystemException.class, () -> AtomicFiles.write(dir, "x"));
    assertEquals("is a directory", e.getReason());
  }

  @Test
  void anUncommittedOutputLeavesTheTargetAsItWas() throws IOException {
    Path file = dir.resolve("report.json");
    Files.writeString(file, "old");
    try (AtomicFiles.Output output = AtomicFiles.open(file)) {
      output.stream().write("half a rep".getBytes(StandardCharsets.UTF_8));
    }
    assertEquals("old", read(file));
    assertEquals(0, tempFiles(), "the temporary file is removed");
  }

  @Test
  void aCommittedOutputReplacesTheTarget() throws IOException {
    Path file = dir.resolve("report.json");
    Files.writeString(file, "old");
    try (AtomicFiles.Output output = AtomicFiles.open(file)) {
      output.stream().write("streamed".getBytes(StandardCharsets.UTF_8));
      assertEquals("old", read(file), "nothing replaced before the commit");
      output.commit();
    }
    assertEquals("streamed", read(file));
  }

  @Test
  void leftoverTemporaryFilesAreCleanedUp() throws IOException {
    Files.writeString(dir.resolve(".latest.json.123" + AtomicFiles.TEMP_SUFFIX), "x");
    Files.writeString(dir.resolve(".old-style.tmp"), "x");
    Files.writeString(dir.resolve("keep.json"), "x");
    assertEquals(2, AtomicFiles.cleanTemporaryFiles(dir));
    assertTrue(Files.exists(dir.resolve("keep.json")));
    assertEquals(0, AtomicFiles.cleanTemporaryFiles(dir.resolve("missing")));
  }
}
