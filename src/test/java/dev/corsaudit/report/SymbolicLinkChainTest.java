package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dangling chain of up to 39 links is followed to its end; 40 links are too many. */
class SymbolicLinkChainTest {

  /** link0 → link1 → … → link(n-1) → missing.json; returns link0. */
  private static Path chain(Path dir, int n) throws IOException {
    Path next = dir.resolve("missing.json");
    for (int i = n - 1; i >= 0; i--) {
      Path link = dir.resolve("link" + i);
      Files.createSymbolicLink(link, next.getFileName());
      next = link;
    }
    return next;
  }

  @Test
  void thirtyNineLinksAreFollowed(@TempDir Path dir) throws IOException {
    assertEquals(dir.resolve("missing.json"), AtomicFiles.resolveLinks(chain(dir, 39)));
  }

  @Test
  void fortyLinksAreTooMany(@TempDir Path dir) throws IOException {
    FileSystemException e =
        assertThrows(FileSystemException.class, () -> AtomicFiles.resolveLinks(chain(dir, 40)));
    assertEquals("too many levels of symbolic links", e.getReason());
  }
}
