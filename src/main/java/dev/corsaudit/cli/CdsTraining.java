package dev.corsaudit.cli;

import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * The release launcher's class-data training run (bin/cors-audit, docs/performance.md): the JVM
 * that dumps the archive runs this instead of one command, so the archive holds the classes of each
 * report format's path (the table and its terminal detection, JSON and Jackson's mapper, Markdown),
 * not only those of the one format a single command would have used. Offline: the built-in replicas
 * on loopback; nothing is printed.
 */
public final class CdsTraining {

  private CdsTraining() {}

  public static void main(String[] args) {
    run();
    System.exit(0);
  }

  /** The three runs; returns their exit codes (1 each: the replicas include failing providers). */
  static int[] run() {
    PrintWriter nowhere = new PrintWriter(OutputStream.nullOutputStream(), true);
    String[] formats = {"table", "json", "markdown"};
    int[] codes = new int[formats.length];
    for (int i = 0; i < formats.length; i++) {
      String[] check = {"check", "--replicas", "-q", "--format", formats[i]};
      codes[i] = CommandLineFactory.create(nowhere, nowhere, check).execute(check);
    }
    return codes;
  }
}
