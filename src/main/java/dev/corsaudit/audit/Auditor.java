package dev.corsaudit.audit;

import dev.corsaudit.fetch.BrowserRequests;
import dev.corsaudit.grade.Grader;
import dev.corsaudit.grade.RequestPlans;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.PlannedRequest;
import dev.corsaudit.probe.Prober;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the pipeline for each target: send the browser's requests (record only), then grade once
 * (pure). Results come back in input order whatever order the network answers in.
 */
final class Auditor {

  private final Prober prober;
  private final String userAgent;
  private final ActualRequestPolicy actualPolicy;
  private final AuditListener listener;

  Auditor(
      Prober prober, String userAgent, ActualRequestPolicy actualPolicy, AuditListener listener) {
    this.prober = prober;
    this.userAgent = userAgent;
    this.actualPolicy = actualPolicy;
    this.listener = listener;
  }

  /** Starts every target; each future completes with its graded result and never exceptionally. */
  List<CompletableFuture<AuditResult>> start(List<AuditTarget> targets) {
    listener.started(targets.size());
    List<CompletableFuture<AuditResult>> futures = new ArrayList<>(targets.size());
    for (AuditTarget target : targets) {
      futures.add(audit(target).thenApply(this::told));
    }
    return futures;
  }

  private AuditResult told(AuditResult result) {
    listener.finished(result);
    return result;
  }

  private CompletableFuture<AuditResult> audit(AuditTarget target) {
    if (target.skipped()) {
      return CompletableFuture.completedFuture(AuditResult.skipped(target));
    }
    RequestPlans plans = target.plans();
    if (!plans.top().preflightNeeded()) {
      // A simple request goes straight out; only the actual response's CORS check applies.
      return sendActual(target).thenApply(actual -> graded(target, null, actual));
    }
    PlannedRequest preflight =
        BrowserRequests.preflight(target.request(), target.probeUrl(), userAgent);
    return prober
        .send(preflight)
        .thenCompose(
            exchange -> {
              boolean sendActual =
                  actualPolicy.wanted(target)
                      && Grader.preflightPasses(target.request(), plans, exchange);
              if (!sendActual) {
                return CompletableFuture.completedFuture(graded(target, exchange, null));
              }
              return sendActual(target).thenApply(actual -> graded(target, exchange, actual));
            });
  }

  private CompletableFuture<Exchange> sendActual(AuditTarget target) {
    PlannedRequest actual =
        BrowserRequests.actual(
            actualPolicy.withKey(target), target.probeUrl(), userAgent, actualPolicy.body(target));
    return prober.send(actual);
  }

  private static AuditResult graded(AuditTarget target, Exchange preflight, Exchange actual) {
    return AuditResult.graded(
        target,
        preflight,
        actual,
        Grader.grade(target.request(), target.plans(), preflight, actual));
  }
}
