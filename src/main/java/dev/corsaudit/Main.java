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
    return CommandLineFactory.create(out, err).execute(args);
  }
}
