package dev.corsaudit.report;

import java.util.List;

/**
 * What a report says about the run beyond its results, decided by the command that made it.
 *
 * @param insecure the run accepted any TLS certificate (--insecure): its answers are unverified
 * @param complete false when the run was interrupted and only the finished rows are in it
 * @param secrets extra secret values to mask by value (e.g. the providers' api_key_env values)
 */
public record RunNotes(boolean insecure, boolean complete, List<String> secrets) {

  public static final RunNotes DEFAULT = new RunNotes(false, true, List.of());

  public RunNotes {
    secrets = List.copyOf(secrets);
  }

  public RunNotes incomplete() {
    return new RunNotes(insecure, false, secrets);
  }

  /** The line human formats print for --insecure. */
  static final String INSECURE_LINE =
      "Made with --insecure: TLS certificates were not verified, so these answers may not come"
          + " from the real endpoints.";

  /** The line human formats print for an interrupted run. */
  static final String INCOMPLETE_LINE =
      "Incomplete run: it was interrupted, and only the rows that had finished are listed.";
}
