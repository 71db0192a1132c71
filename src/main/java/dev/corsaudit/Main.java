package dev.corsaudit;

import dev.corsaudit.cli.CommandLineFactory;
import java.io.PrintWriter;

/** Entry point. Only {@link #main} exits the JVM; everything else returns an exit code. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs the CLI with the given streams; returns the exit code (see {@code cli.ExitCodes}). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // Start-up: the same line picocli prints, without building the whole command model.
      out.println(
          dev.corsaudit.model.ToolVersion.NAME + " " + dev.corsaudit.model.ToolVersion.version());
      out.flush();
      return 0;
    }
    try {
      return CommandLineFactory.create(out, err, args).execute(args);
    } catch (Error e) {
      // Out of memory, a broken jar: still one line, and the trace only when asked for.
      err.println("cors-audit: internal error: " + e + " (rerun with --debug for the stack trace)");
      if (java.util.Arrays.asList(args).contains("--debug")) {
        e.printStackTrace(err);
      }
      err.flush();
      return dev.corsaudit.cli.ExitCodes.INTERNAL;
    }
  }
}
