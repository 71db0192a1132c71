package dev.corsaudit.model;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads input files with the size cap enforced while reading, not after: /dev/zero, a FIFO or any
 * endless stream stops at the cap instead of exhausting memory.
 */
public final class BoundedInput {

  /** More than the cap was there to read. */
  public static final class TooLargeException extends IOException {
    private final long limit;

    TooLargeException(long limit) {
      super("more than " + describe(limit));
      this.limit = limit;
    }

    public long limit() {
      return limit;
    }
  }

  private BoundedInput() {}

  /** A stream of the file that throws {@link TooLargeException} past {@code limit} bytes. */
  public static InputStream open(Path file, long limit) throws IOException {
    return new Capped(Files.newInputStream(file), limit);
  }

  /** The whole file as strict UTF-8 (MalformedInputException on bad bytes), at most limit bytes. */
  public static String readString(Path file, long limit) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (InputStream in = open(file, limit)) {
      in.transferTo(bytes);
    }
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes.toByteArray()))
        .toString();
  }

  public static String describe(long bytes) {
    if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
      return (bytes >> 20) + " MiB";
    }
    if (bytes >= 1L << 10 && bytes % (1L << 10) == 0) {
      return (bytes >> 10) + " KiB";
    }
    return bytes + " bytes";
  }

  private static final class Capped extends FilterInputStream {
    private final long limit;
    private long count;

    Capped(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count(skipped);
      return skipped;
    }

    private void count(long n) throws TooLargeException {
      count += n;
      if (count > limit) {
        throw new TooLargeException(limit);
      }
    }
  }
}
