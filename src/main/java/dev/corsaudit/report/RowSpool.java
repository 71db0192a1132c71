package dev.corsaudit.report;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.io.output.DeferredFileOutputStream;

/**
 * What a human report has rendered of its rows while the run goes on, kept until the counts that
 * head the report are known: records of strings, in memory up to {@link #MEMORY_BYTES}, then in a
 * temporary file (mode 0600, deleted on {@link #close}), so a run of any size prints with bounded
 * memory. Written once, then read back as often as the report needs.
 */
final class RowSpool implements AutoCloseable {

  /**
   * Past this many bytes the records move to a temporary file (the system property lets tests see
   * the file of a small run).
   */
  static final int MEMORY_BYTES =
      Integer.getInteger("corsaudit.spool.memoryBytes", 4 * 1024 * 1024);

  private final DeferredFileOutputStream bytes;
  private final DataOutputStream out;
  private boolean closedForWriting;
  private int records;

  RowSpool() {
    this(MEMORY_BYTES);
  }

  RowSpool(int memoryBytes) {
    bytes =
        DeferredFileOutputStream.builder()
            .setThreshold(memoryBytes)
            .setPrefix("cors-audit-rows-")
            .setSuffix(".spool")
            .get();
    out = new DataOutputStream(new BufferedOutputStream(bytes, 64 * 1024));
  }

  /** Appends one record; a null field reads back as null. */
  void add(List<String> fields) {
    if (closedForWriting) {
      throw new IllegalStateException("the spool is being read");
    }
    try {
      out.writeInt(fields.size());
      for (String field : fields) {
        if (field == null) {
          out.writeInt(-1);
        } else {
          byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
          out.writeInt(utf8.length);
          out.write(utf8);
        }
      }
      records++;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the report's rows in a temporary file", e);
    }
  }

  int size() {
    return records;
  }

  /** True once the records outgrew memory and live in a temporary file. */
  boolean onDisk() throws IOException {
    if (!closedForWriting) {
      out.flush(); // the buffer decides nothing: what counts is what reached the deferred stream
    }
    return !bytes.isInMemory();
  }

  /** Every record, in the order added; may be called more than once. */
  void forEach(RecordConsumer consumer) throws IOException {
    finishWriting();
    try (InputStream raw = bytes.toInputStream();
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 64 * 1024))) {
      for (int r = 0; r < records; r++) {
        int count = in.readInt();
        List<String> fields = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          int length = in.readInt();
          if (length < 0) {
            fields.add(null);
          } else {
            byte[] utf8 = new byte[length];
            in.readFully(utf8); // EOFException when the file was cut short
            fields.add(new String(utf8, StandardCharsets.UTF_8));
          }
        }
        consumer.accept(fields);
      }
    }
  }

  /** Takes one record. */
  interface RecordConsumer {
    void accept(List<String> fields) throws IOException;
  }

  private void finishWriting() throws IOException {
    if (!closedForWriting) {
      closedForWriting = true;
      out.close();
    }
  }

  @Override
  public void close() throws IOException {
    finishWriting();
    Path file = bytes.getPath();
    if (file != null) {
      Files.deleteIfExists(file);
    }
  }
}
