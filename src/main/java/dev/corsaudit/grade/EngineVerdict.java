package dev.corsaudit.grade;

import java.util.List;

/**
 * One engine's answer.
 *
 * @param consoleMessage the line this engine's console prints for the failure, or null on PASS
 * @param preflightCacheSeconds how long this engine caches the preflight, or null when not cached
 */
public record EngineVerdict(
    Engine engine,
    Outcome outcome,
    List<Cause> causes,
    String consoleMessage,
    Integer preflightCacheSeconds) {

  public EngineVerdict {
    causes = List.copyOf(causes);
  }
}
