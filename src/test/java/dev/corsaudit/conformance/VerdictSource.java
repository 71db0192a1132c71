package dev.corsaudit.conformance;

import dev.corsaudit.grade.Engine;
import dev.corsaudit.grade.Outcome;

/**
 * Whatever gives a verdict for a case per engine: cors-audit's grader in production use, a fixed
 * table in tests. The grader plugs in as {@code (engine, c) -> grader.grade(c.toCorsRequest(BASE),
 * c.toPreflightExchange(BASE), c.toActualExchange(BASE)).engines().get(engine).outcome()}.
 */
@FunctionalInterface
public interface VerdictSource {

  Outcome outcome(Engine engine, ConformanceCase c);
}
