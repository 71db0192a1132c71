package dev.corsaudit.audit;

import dev.corsaudit.fetch.BrowserRequests;
import dev.corsaudit.fetch.PreflightPlan;
import dev.corsaudit.grade.Grader;
import dev.corsaudit.grade.Outcome;
import dev.corsaudit.grade.Verdict;
import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.PlannedRequest;
import dev.corsaudit.probe.Prober;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the pipeline for each target: plan the browser's requests, probe (record only), grade
 * (pure). Results come back in input order whatever order the network answers in.
 */
public final class Auditor {

  private final Prober prober;
  private final String userAgent;
  private final ActualRequestPolicy actualPolicy;
  private final AuditListener listener;

  public Auditor(
      Prober prober, String userAgent, ActualRequestPolicy actualPolicy, AuditListener listener) {
    this.prober = prober;
    this.userAgent = userAgent;
    this.actualPolicy = actualPolicy;
    this.listener = listener;
  }

  /** Starts every target; each future completes with its graded result and never exceptionally. */
  public List<CompletableFuture<AuditResult>> start(List<AuditTarget> targets) {
    listener.started(targets.size());
    List<CompletableFuture<AuditResult>> futures = new ArrayList<>(targets.size());
    for (AuditTarget target : targets) {
      CompletableFuture<AuditResult> future =
          audit(target)
              .whenComplete(
                  (result, failure) -> {
                    if (result != null) {
                      listener.finished(result);
                    }
                  });
      futures.add(future);
    }
    return futures;
  }

  /** Runs every target to completion. */
  public List<AuditResult> run(List<AuditTarget> targets) {
    List<AuditResult> results = new ArrayList<>(targets.size());
    for (CompletableFuture<AuditResult> future : start(targets)) {
      results.add(future.join());
    }
    return results;
  }

  private CompletableFuture<AuditResult> audit(AuditTarget target) {
    if (target.skipped()) {
      return CompletableFuture.completedFuture(new AuditResult(target, null, null, null));
    }
    CorsRequest request = target.request();
    PreflightPlan plan = BrowserRequests.plan(request);
    if (!plan.preflightNeeded()) {
      // A simple request goes straight out; only the actual response's CORS check applies.
      return sendActual(target).thenApply(actual -> graded(target, null, actual));
    }
    PlannedRequest preflight = BrowserRequests.preflight(request, target.probeUrl(), userAgent);
    return prober
        .send(preflight)
        .thenCompose(
            preflightExchange -> {
              Verdict preflightVerdict = Grader.grade(request, preflightExchange, null);
              if (preflightVerdict.outcome() != Outcome.PASS || !actualPolicy.wanted(target)) {
                return CompletableFuture.completedFuture(
                    new AuditResult(target, preflightExchange, null, preflightVerdict));
              }
              return sendActual(target)
                  .thenApply(actual -> graded(target, preflightExchange, actual));
            });
  }

  private CompletableFuture<Exchange> sendActual(AuditTarget target) {
    PlannedRequest actual =
        BrowserRequests.actual(
            actualPolicy.withKey(target), target.probeUrl(), userAgent, actualPolicy.body(target));
    return prober.send(actual);
  }

  private static AuditResult graded(AuditTarget target, Exchange preflight, Exchange actual) {
    return new AuditResult(
        target, preflight, actual, Grader.grade(target.request(), preflight, actual));
  }
}
