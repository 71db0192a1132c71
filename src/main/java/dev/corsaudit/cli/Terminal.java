package dev.corsaudit.cli;

/** Whether the streams are interactive terminals (decides colour and the progress line). */
final class Terminal {
  private Terminal() {}

  static boolean stdoutIsTerminal() {
    // System.console() is non-null only when both stdin and stdout are terminals, close enough:
    // a pipe or a file on stdout must never get escape codes.
    return System.console() != null;
  }

  static boolean stderrIsTerminal() {
    return System.console() != null && System.getenv("CI") == null;
  }
}
