package dev.corsaudit.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Narrows a providers file to some provider ids (check and report; evidence takes one id). */
public final class OnlyOption {

  @Option(
      names = "--only",
      split = ",",
      paramLabel = "ID",
      description = "Audit only these provider ids (comma-separated or repeated).")
  List<String> only = new ArrayList<>();
}
