package dev.corsaudit.grade;

import java.util.List;
import java.util.Map;

/**
 * The grader's answer for one audited request. The top-level outcome and causes are Chromium's (the
 * browser most users have); {@code engines} says where the spec and other engines differ.
 *
 * @param preflightNeeded false when the request is "simple" and a browser sends no preflight
 * @param warnings advice that does not block the request (e.g. missing Vary: Origin)
 * @param readableResponseHeaders names of the actual response's headers that script can read
 *     (Chromium's rules), or null when no actual response was checked
 */
public record Verdict(
    Outcome outcome,
    List<Cause> causes,
    List<Cause> warnings,
    Map<Engine, EngineVerdict> engines,
    boolean preflightNeeded,
    List<String> readableResponseHeaders) {

  public Verdict {
    causes = List.copyOf(causes);
    warnings = List.copyOf(warnings);
    engines = Map.copyOf(engines);
    readableResponseHeaders =
        readableResponseHeaders == null ? null : List.copyOf(readableResponseHeaders);
  }
}
