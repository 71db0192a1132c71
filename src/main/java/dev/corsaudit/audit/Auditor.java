package dev.corsaudit.audit;

import dev.corsaudit.fetch.BrowserRequests;
import dev.corsaudit.grade.Engine;
import dev.corsaudit.grade.Grader;
import dev.corsaudit.grade.RequestPlans;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.PlannedRequest;
import dev.corsaudit.model.PreflightPlan;
import dev.corsaudit.probe.Prober;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditTarget;
import dev.corsaudit.result.EnginePreflight;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    Map<PreflightKey, List<Engine>> distinct = distinctPreflights(plans);
    if (distinct.isEmpty()) {
      // A simple request in every engine goes straight out; only the actual response's CORS
      // check applies.
      return sendActual(target).thenApply(actual -> graded(target, Map.of(), actual));
    }
    Map<Engine, CompletableFuture<Exchange>> sent = new EnumMap<>(Engine.class);
    for (Map.Entry<PreflightKey, List<Engine>> group : distinct.entrySet()) {
      PreflightPlan plan = plans.of(group.getValue().get(0));
      CompletableFuture<Exchange> exchange =
          prober.send(
              BrowserRequests.preflight(target.request(), plan, target.probeUrl(), userAgent));
      group.getValue().forEach(engine -> sent.put(engine, exchange));
    }
    return CompletableFuture.allOf(sent.values().toArray(CompletableFuture[]::new))
        .thenCompose(
            done -> {
              Map<Engine, Exchange> preflights = new EnumMap<>(Engine.class);
              sent.forEach((engine, future) -> preflights.put(engine, future.join()));
              Exchange top = preflights.get(Engine.TOP);
              // The top engine decides whether the page's request goes out: with no preflight of
              // its own it sends it at once, else only after its preflight passed.
              boolean sendActual =
                  top == null
                      || actualPolicy.wanted(target)
                          && Grader.preflightPasses(target.request(), plans, top);
              if (!sendActual) {
                return CompletableFuture.completedFuture(graded(target, preflights, null));
              }
              return sendActual(target).thenApply(actual -> graded(target, preflights, actual));
            });
  }

  /** What makes two engines' preflights the same request: method and requested headers. */
  private record PreflightKey(String method, String requestHeaders) {}

  /** The preflights the engines would send, each with the engines that send it, top first. */
  static Map<PreflightKey, List<Engine>> distinctPreflights(RequestPlans plans) {
    Map<PreflightKey, List<Engine>> distinct = new LinkedHashMap<>();
    List<Engine> order = new ArrayList<>(List.of(Engine.TOP));
    for (Engine engine : Engine.values()) {
      if (engine != Engine.TOP) {
        order.add(engine);
      }
    }
    for (Engine engine : order) {
      PreflightPlan plan = plans.of(engine);
      if (plan.preflightNeeded()) {
        distinct
            .computeIfAbsent(
                new PreflightKey(plan.normalizedMethod(), plan.accessControlRequestHeaders()),
                k -> new ArrayList<>())
            .add(engine);
      }
    }
    return distinct;
  }

  private CompletableFuture<Exchange> sendActual(AuditTarget target) {
    PlannedRequest actual =
        BrowserRequests.actual(
            actualPolicy.withKey(target), target.probeUrl(), userAgent, actualPolicy.body(target));
    return prober.send(actual);
  }

  private static AuditResult graded(
      AuditTarget target, Map<Engine, Exchange> preflights, Exchange actual) {
    Exchange top = preflights.get(Engine.TOP);
    Map<Exchange, List<Engine>> byExchange = new LinkedHashMap<>();
    preflights.forEach(
        (engine, exchange) -> {
          if (exchange != top) {
            byExchange.computeIfAbsent(exchange, e -> new ArrayList<>()).add(engine);
          }
        });
    List<EnginePreflight> others = new ArrayList<>();
    byExchange.forEach((exchange, engines) -> others.add(new EnginePreflight(engines, exchange)));
    return AuditResult.graded(
        target,
        top,
        others,
        actual,
        Grader.grade(target.request(), target.plans(), preflights, actual));
  }
}
