package dev.corsaudit.cli;

import dev.corsaudit.model.UserException;
import dev.corsaudit.report.AtomicFiles;
import dev.corsaudit.report.ReportJson;
import dev.corsaudit.report.ShardMerge;
import dev.corsaudit.result.ReportDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Merges the JSON reports of a sharded run into the report of the whole run. */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    header = "Merge the JSON reports of a sharded run into one report.",
    description = {
      "Merges the JSON reports of --shard 1/N ... N/N into one report, identical to the report of"
          + " the unsharded run (same rows in the same order, summary and findings). Every shard"
          + " must be given exactly once.",
    },
    exitCodeList = {
      "0:the merged report was written",
      "2:bad usage, an unreadable report, or shards missing, repeated or of other runs",
      "4:internal error (a bug: please report it with the --debug output)",
      "1/3/5:belong to the commands that audit: run diff or report --from on the merged report",
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  # Four CI jobs each audit a quarter; a last job merges them",
      "  cors-audit merge shard-1.json shard-2.json shard-3.json shard-4.json \\",
      "      -o all.json",
      "",
      "  # Then compare with the previous run",
      "  cors-audit diff last.json all.json",
      "",
      "  # Or print the merged report on standard output",
      "  cors-audit merge shards/*.json",
    })
public final class MergeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "SHARD.json",
      description = "The shards' JSON reports (check --shard I/N --format json).")
  List<Path> shards = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the merged report to FILE (atomically) instead of standard output.")
  Path output;

  @Override
  public Integer call() {
    ReportDocument merged = merge(shards);
    String json = ReportJson.write(merged);
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(json);
      out.flush();
    } else {
      try {
        AtomicFiles.write(output, json);
      } catch (IOException e) {
        throw new UserException(
            "cannot write " + output + ": " + e.getMessage() + "; check the path and permissions");
      }
    }
    return ExitCodes.OK;
  }

  /** The merged report of the shard files, or a user error saying what is wrong with them. */
  static ReportDocument merge(List<Path> files) {
    List<ShardMerge.Part> parts = new ArrayList<>();
    for (Path file : files) {
      parts.add(new ShardMerge.Part(file.toString(), Baselines.read(file)));
    }
    try {
      return ShardMerge.merge(parts);
    } catch (ShardMerge.MergeException e) {
      throw new UserException("cannot merge: " + e.getMessage());
    }
  }
}
