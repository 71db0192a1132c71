package dev.corsaudit.cli;

import dev.corsaudit.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process, capturing both streams (CRLF normalised). */
record CliRun(int code, String out, String err) {

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CliRun(
        code, out.toString().replace("\r\n", "\n"), err.toString().replace("\r\n", "\n"));
  }
}
