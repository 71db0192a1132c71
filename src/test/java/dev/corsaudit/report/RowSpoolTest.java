package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spool gives back exactly what was put in, from memory or from its temporary file. */
class RowSpoolTest {

  private static List<List<String>> readAll(RowSpool spool) throws Exception {
    List<List<String>> out = new ArrayList<>();
    spool.forEach(out::add);
    return out;
  }

  @Test
  void recordsComeBackInOrderWithNullsEmptyStringsAndAnyText() throws Exception {
    List<String> odd = Arrays.asList("", null, "ünïcödé ✅ \u0000\u001b[2J", "x".repeat(70_000));
    try (RowSpool spool = new RowSpool()) {
      spool.add(List.of("a", "b"));
      spool.add(odd);
      spool.add(List.of());
      assertEquals(3, spool.size());
      assertFalse(spool.onDisk(), "a few records stay in memory");
      assertEquals(List.of(List.of("a", "b"), odd, List.of()), readAll(spool));
    }
  }

  @Test
  void pastTheThresholdRecordsMoveToATemporaryFileThatCloseDeletes() throws Exception {
    Path file;
    List<List<String>> expected = new ArrayList<>();
    try (RowSpool spool = new RowSpool(1024)) {
      for (int i = 0; i < 500; i++) {
        List<String> record = List.of(Integer.toString(i), "row " + i + " " + "·".repeat(i % 7));
        expected.add(record);
        spool.add(record);
      }
      assertTrue(spool.onDisk());
      assertEquals(expected, readAll(spool));
      assertEquals(expected, readAll(spool), "read as often as the report needs");
      file = spoolFile(spool);
      assertTrue(Files.exists(file));
      assertEquals(
          "rw-------",
          java.nio.file.attribute.PosixFilePermissions.toString(
              Files.getPosixFilePermissions(file)),
          "unmasked rows are readable by this user only");
    }
    assertFalse(Files.exists(file), "close deletes the temporary file");
  }

  @Test
  void nothingIsAddedOnceReadingStarted() throws Exception {
    try (RowSpool spool = new RowSpool()) {
      spool.add(List.of("a"));
      readAll(spool);
      assertThrows(IllegalStateException.class, () -> spool.add(List.of("b")));
    }
  }

  private static Path spoolFile(RowSpool spool) throws Exception {
    java.lang.reflect.Field bytes = RowSpool.class.getDeclaredField("bytes");
    bytes.setAccessible(true);
    return ((org.apache.commons.io.output.DeferredFileOutputStream) bytes.get(spool)).getPath();
  }
}
