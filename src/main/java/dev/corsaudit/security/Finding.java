package dev.corsaudit.security;

import dev.corsaudit.model.HeaderLine;
import java.util.List;

/**
 * One security or policy finding for a provider.
 *
 * @param origin the Origin the probe sent
 * @param probe "preflight" or "simple" (which request showed it)
 * @param evidence the response's Access-Control-* and Vary lines
 */
public record Finding(
    String providerId,
    FindingCode code,
    Severity severity,
    String origin,
    String probe,
    String message,
    String fix,
    List<HeaderLine> evidence) {

  public Finding {
    evidence = List.copyOf(evidence);
  }
}
