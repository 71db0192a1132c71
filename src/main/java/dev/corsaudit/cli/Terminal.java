package dev.corsaudit.cli;

import java.util.Map;

/**
 * Whether stdout and stderr are terminals, and how wide, through Jansi's native isatty/ioctl (each
 * stream on its own: a piped stdout leaves the progress line on a terminal stderr). Tests replace
 * {@link #probe} to fake a terminal of a given width.
 */
final class Terminal {

  /** The operating system's answers about a file descriptor (1 = stdout, 2 = stderr). */
  interface Probe {
    boolean isTerminal(int fd);

    /** Columns, or 0 when unknown. */
    int width(int fd);
  }

  /** Jansi's native library where it loads, else the JDK's System.console() (both or neither). */
  static final Probe JANSI =
      new Probe() {
        @Override
        public boolean isTerminal(int fd) {
          try {
            if (org.fusesource.jansi.internal.CLibrary.LOADED) {
              return org.fusesource.jansi.internal.CLibrary.isatty(fd) == 1;
            }
          } catch (LinkageError | RuntimeException e) {
            // no native library for this platform: fall through
          }
          return System.console() != null;
        }

        @Override
        public int width(int fd) {
          try {
            if (org.fusesource.jansi.internal.CLibrary.LOADED) {
              var size = new org.fusesource.jansi.internal.CLibrary.WinSize();
              if (org.fusesource.jansi.internal.CLibrary.ioctl(
                      fd, org.fusesource.jansi.internal.CLibrary.TIOCGWINSZ, size)
                  == 0) {
                return size.ws_col;
              }
            }
          } catch (LinkageError | RuntimeException e) {
            // unknown: fall through
          }
          return 0;
        }
      };

  static volatile Probe probe = JANSI;
  static volatile Map<String, String> env = System.getenv();

  private Terminal() {}

  static boolean stdoutIsTerminal() {
    return probe.isTerminal(1);
  }

  static boolean stderrIsTerminal() {
    return probe.isTerminal(2) && env.get("CI") == null;
  }

  /** The width to lay out for: the terminal's, else $COLUMNS, else 80. */
  static int width(int fd) {
    int columns = probe.width(fd);
    if (columns > 0) {
      return columns;
    }
    try {
      int fromEnv = Integer.parseInt(env.getOrDefault("COLUMNS", ""));
      if (fromEnv > 0) {
        return fromEnv;
      }
    } catch (NumberFormatException e) {
      // not set
    }
    return 80;
  }

  /** NO_COLOR counts only when non-empty (no-color.org); CLICOLOR_FORCE forces colour on. */
  static boolean colorWanted(ColorMode mode, boolean terminal) {
    return switch (mode) {
      case ALWAYS -> true;
      case NEVER -> false;
      case AUTO -> {
        String force = env.get("CLICOLOR_FORCE");
        if (force != null && !force.isEmpty() && !force.equals("0")) {
          yield true;
        }
        String noColor = env.get("NO_COLOR");
        yield terminal && (noColor == null || noColor.isEmpty());
      }
    };
  }

  /** --color's values. */
  enum ColorMode {
    AUTO,
    ALWAYS,
    NEVER
  }
}
