package dev.corsaudit.result;

import java.io.IOException;
import java.io.Writer;

/**
 * A writer that redacts line by line: URLs lose their secrets ({@link Redactor#redactUrlsIn}) and
 * every secret value is masked ({@link SecretMask}) before a line goes out. No secret spans a line
 * (JSON strings hold no raw newline; header values and URLs are one line), so a streaming renderer
 * can write through it with memory bounded by its longest line.
 */
public final class MaskingWriter extends Writer {

  private final Writer out;
  private final SecretMask mask;
  private final StringBuilder line = new StringBuilder();

  public MaskingWriter(Writer out, SecretMask mask) {
    this.out = out;
    this.mask = mask;
  }

  @Override
  public void write(char[] buffer, int offset, int length) throws IOException {
    int end = offset + length;
    int start = offset;
    for (int i = offset; i < end; i++) {
      if (buffer[i] == '\n') {
        line.append(buffer, start, i + 1 - start);
        emit();
        start = i + 1;
      }
    }
    line.append(buffer, start, end - start);
  }

  private void emit() throws IOException {
    if (line.length() > 0) {
      out.write(mask.apply(Redactor.redactUrlsIn(line.toString())));
      line.setLength(0);
    }
  }

  /** Flushes complete lines only: a partial line may still grow into a secret. */
  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    emit();
    out.flush();
  }
}
