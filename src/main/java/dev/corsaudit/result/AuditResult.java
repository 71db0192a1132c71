package dev.corsaudit.result;

import dev.corsaudit.grade.Verdict;
import dev.corsaudit.model.Exchange;

/**
 * A graded row. {@code preflight} is null when no preflight was needed or the row was skipped;
 * {@code verdict} is null only for skipped rows.
 */
public record AuditResult(
    AuditTarget target, Exchange preflight, Exchange actual, Verdict verdict) {}
