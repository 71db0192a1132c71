package dev.corsaudit.audit;

import dev.corsaudit.fetch.BrowserRequests;
import dev.corsaudit.grade.Engine;
import dev.corsaudit.grade.Grader;
import dev.corsaudit.grade.RedirectHop;
import dev.corsaudit.grade.RequestPlans;
import dev.corsaudit.model.CorsRequest;
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
  private final RedirectFollower redirects;

  Auditor(
      Prober prober, String userAgent, ActualRequestPolicy actualPolicy, AuditListener listener) {
    this.prober = prober;
    this.userAgent = userAgent;
    this.actualPolicy = actualPolicy;
    this.listener = listener;
    this.redirects = new RedirectFollower(prober, userAgent);
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

  /**
   * Runs every target, handing each result to {@code done} as it finishes, with at most {@code
   * window} rows started and not yet finished: the rows' results are never all held at once.
   */
  void stream(
      List<AuditTarget> targets, int window, java.util.function.Consumer<AuditResult> done) {
    listener.started(targets.size());
    java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(window);
    java.util.concurrent.CountDownLatch finished =
        new java.util.concurrent.CountDownLatch(targets.size());
    java.util.concurrent.atomic.AtomicReference<Throwable> failure =
        new java.util.concurrent.atomic.AtomicReference<>();
    for (AuditTarget target : targets) {
      slots.acquireUninterruptibly();
      if (failure.get() != null) {
        break;
      }
      audit(target)
          .whenComplete(
              (result, error) -> {
                try {
                  if (error != null) {
                    failure.compareAndSet(null, error);
                  } else {
                    done.accept(told(result));
                  }
                } catch (RuntimeException e) {
                  failure.compareAndSet(null, e);
                } finally {
                  slots.release();
                  finished.countDown();
                }
              });
    }
    Throwable failed = failure.get();
    if (failed == null) {
      try {
        finished.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      failed = failure.get();
    }
    if (failed instanceof RuntimeException e) {
      throw e;
    }
    if (failed != null) {
      throw new IllegalStateException(failed);
    }
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
      return sendActual(target).thenApply(chain -> graded(target, Map.of(), chain));
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
                return CompletableFuture.completedFuture(
                    graded(target, preflights, new Chain(null, List.of())));
              }
              return sendActual(target).thenApply(chain -> graded(target, preflights, chain));
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

  /** The actual request and the requests its redirects led to. */
  private record Chain(Exchange first, List<RedirectHop> redirects) {}

  private CompletableFuture<Chain> sendActual(AuditTarget target) {
    CorsRequest request = actualPolicy.withKey(target);
    byte[] body = actualPolicy.body(target);
    PlannedRequest actual = BrowserRequests.actual(request, target.probeUrl(), userAgent, body);
    return prober
        .send(actual)
        .thenCompose(
            first ->
                redirects
                    .follow(request, target.plans(), target.probeUrl(), body, first)
                    .thenApply(hops -> new Chain(first, hops)));
  }

  private static AuditResult graded(
      AuditTarget target, Map<Engine, Exchange> preflights, Chain chain) {
    Exchange actual = chain.first();
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
        chain.redirects(),
        Grader.grade(target.request(), target.plans(), preflights, actual, chain.redirects()));
  }
}
