package dev.corsaudit.audit;

import dev.corsaudit.config.Provider;
import dev.corsaudit.model.Setting;
import dev.corsaudit.model.ToolVersion;
import dev.corsaudit.model.UserException;
import dev.corsaudit.probe.Prober;
import dev.corsaudit.replica.ReplicaServer;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.AuditTarget;
import dev.corsaudit.result.RowSink;
import dev.corsaudit.result.Shard;
import dev.corsaudit.result.ShardPart;
import dev.corsaudit.security.Finding;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The pipeline for one run: config → fetch → probe → grade, composed here and nowhere else. A
 * session owns what lives as long as the run (the replica server, the prober, the browser), so one
 * replica server serves the probe, the security probes and the browser replay alike; {@link
 * #snapshot()} gives what has finished so far, for an interrupt.
 */
public final class AuditSession implements AutoCloseable {

  private final AuditRequest request;
  private final AuditListener listener;
  private final ReplicaServer replicas;
  private final Prober prober;
  private final List<AuditTarget> targets;
  private final List<AuditTarget> securityTargets;
  private final ShardPart shard;
  private volatile List<CompletableFuture<AuditResult>> futures = List.of();
  private volatile RowOrder streaming;

  private AuditSession(
      AuditRequest request,
      AuditListener listener,
      ReplicaServer replicas,
      Prober prober,
      List<AuditTarget> planned) {
    this.request = request;
    this.listener = listener;
    this.replicas = replicas;
    this.prober = prober;
    Shard slice = request.selection().shard();
    if (slice == null) {
      this.targets = planned;
      this.securityTargets = planned;
      this.shard = null;
    } else {
      // A shard audits its rows; each provider's security probes go with its first probed row, so
      // exactly one shard sends them.
      this.targets = planned.stream().filter(slice::contains).toList();
      Set<String> seen = new HashSet<>();
      this.securityTargets =
          planned.stream()
              .filter(t -> !t.skipped() && seen.add(t.provider().id()))
              .filter(slice::contains)
              .toList();
      this.shard = new ShardPart(slice, planned.size());
    }
  }

  /**
   * Plans the rows and starts what the run needs; nothing is sent yet.
   *
   * @throws UserException when nothing matches or the request cannot be made by a page
   */
  public static AuditSession open(AuditRequest request, AuditListener listener) {
    ReplicaServer replicas = request.replicas() ? startReplicas() : null;
    try {
      List<AuditTarget> targets =
          TargetPlanner.plan(
              request.providers().providers(),
              request.providers().profiles(),
              request.selection(),
              locator(replicas, request.selection().liveSkippedGroups()));
      if (targets.isEmpty()) {
        throw new UserException(
            "nothing to audit: no provider matched; check the provider ids and the providers file",
            Setting.PROVIDER_IDS);
      }
      return new AuditSession(request, listener, replicas, new Prober(request.probe()), targets);
    } catch (RuntimeException e) {
      if (replicas != null) {
        replicas.close();
      }
      throw e;
    }
  }

  /** Runs a whole audit: open, run, close. */
  public static AuditRun run(AuditRequest request, AuditListener listener) {
    try (AuditSession session = open(request, listener)) {
      return session.run();
    }
  }

  public List<AuditTarget> targets() {
    return targets;
  }

  /**
   * Probes and grades every row and, beside them, the security and policy probes; then the browser
   * replay.
   */
  public AuditRun run() {
    Auditor auditor = auditor();
    futures = auditor.start(targets);
    // Queued right behind the rows, on the same prober: no second client, no serial phase.
    CompletableFuture<List<Finding>> security =
        new SecurityAuditor(prober, request.userAgent())
            .start(securityTargets, request.probeSecurity());
    List<AuditResult> results = futures.stream().map(CompletableFuture::join).toList();
    List<Finding> findings = security.join();
    if (request.browser() != null) {
      results = confirmInBrowser(results);
    }
    listener.done();
    return new AuditRun(
        ToolVersion.version(),
        now(),
        request.replicas(),
        results,
        findings,
        request.probeSecurity(),
        dev.corsaudit.result.RunSummary.of(results),
        shard);
  }

  /**
   * Probes and grades every row like {@link #run()}, but hands each row to {@code sink} in row
   * order as soon as it and every row before it have finished, and keeps none: the returned run has
   * no results, only their counts and the findings. For reports of any size.
   */
  public AuditRun stream(RowSink sink) {
    RowOrder order = new RowOrder(sink, targets);
    streaming = order;
    Auditor auditor = auditor();
    int window = Math.max(64, 4 * request.probe().concurrency());
    // The security probes join the rows once the last window of rows is in flight: beside the rows,
    // on the same prober (no serial phase after them), without queueing ahead of rows the window
    // has not started yet.
    CompletableFuture<List<Finding>> security = new CompletableFuture<>();
    java.util.concurrent.atomic.AtomicBoolean securityStarted =
        new java.util.concurrent.atomic.AtomicBoolean();
    Runnable startSecurity =
        () -> {
          if (securityStarted.compareAndSet(false, true)) {
            new SecurityAuditor(prober, request.userAgent())
                .start(securityTargets, request.probeSecurity())
                .whenComplete(
                    (found, error) -> {
                      if (error != null) {
                        security.completeExceptionally(error);
                      } else {
                        security.complete(found);
                      }
                    });
          }
        };
    int startAt = Math.max(0, targets.size() - window);
    if (startAt == 0) {
      startSecurity.run();
    }
    java.util.concurrent.atomic.AtomicInteger rowsDone =
        new java.util.concurrent.atomic.AtomicInteger();
    auditor.stream(
        targets,
        window,
        result -> {
          order.finished(result);
          if (rowsDone.incrementAndGet() == startAt) {
            startSecurity.run();
          }
        });
    startSecurity.run();
    List<Finding> findings = security.join();
    listener.done();
    return new AuditRun(
        ToolVersion.version(),
        now(),
        request.replicas(),
        List.of(),
        findings,
        request.probeSecurity(),
        order.summary(),
        shard);
  }

  /**
   * A streamed run was interrupted: the rows not yet handed on go to the sink as UNFINISHED, and
   * the returned run has their counts. Safe to call from a shutdown hook.
   */
  public AuditRun interruptStream() {
    RowOrder order = streaming;
    order.interrupt(targets);
    return new AuditRun(
        ToolVersion.version(),
        now(),
        request.replicas(),
        List.of(),
        List.of(),
        false,
        order.summary());
  }

  /**
   * The run so far: finished rows as they are, the others UNFINISHED. Safe to call from another
   * thread (a shutdown hook) while {@link #run()} is going on.
   */
  public AuditRun snapshot() {
    List<CompletableFuture<AuditResult>> started = futures;
    List<AuditResult> results = new ArrayList<>(targets.size());
    for (int i = 0; i < targets.size(); i++) {
      AuditResult done = i < started.size() ? started.get(i).getNow(null) : null;
      results.add(done != null ? done : AuditResult.unfinished(targets.get(i)));
    }
    return new AuditRun(
        ToolVersion.version(),
        now(),
        request.replicas(),
        results,
        List.of(),
        false,
        dev.corsaudit.result.RunSummary.of(results),
        shard);
  }

  @Override
  public void close() {
    prober.close();
    if (replicas != null) {
      replicas.close();
    }
  }

  private List<AuditResult> confirmInBrowser(List<AuditResult> results) {
    ActualRequestPolicy policy = actualPolicy();
    try (var confirmer = BrowserConfirmations.start(request.browser())) {
      return BrowserConfirmations.run(confirmer, results, policy);
    }
  }

  /** The probe-and-grade step for this run's rows (run and stream share it). */
  private Auditor auditor() {
    return new Auditor(prober, request.userAgent(), actualPolicy(), listener);
  }

  /** Whether and how the actual request follows the preflight, as the request says. */
  private ActualRequestPolicy actualPolicy() {
    return new ActualRequestPolicy(request.sendActual(), request.stream(), request.environment());
  }

  private Instant now() {
    return request.clock().instant().truncatedTo(ChronoUnit.SECONDS);
  }

  private static ReplicaServer startReplicas() {
    try {
      return ReplicaServer.startBuiltin();
    } catch (IOException e) {
      throw new UserException("cannot start the loopback replica server: " + e.getMessage());
    }
  }

  private static Function<Provider, TargetPlanner.ProbeLocation> locator(
      ReplicaServer replicas, java.util.Set<String> liveSkippedGroups) {
    if (replicas == null) {
      return p -> {
        if (p.replicaOnly()) {
          return TargetPlanner.ProbeLocation.skipped(
              "a demonstration endpoint that exists only as a replica; audit the replicas to"
                  + " see it");
        }
        if (p.group() != null && liveSkippedGroups.contains(p.group())) {
          return TargetPlanner.ProbeLocation.skipped(
              "group "
                  + p.group()
                  + ": a server people run themselves, not on the network this run audits;"
                  + " --include-group "
                  + p.group()
                  + " audits it");
        }
        return TargetPlanner.ProbeLocation.at(p.url());
      };
    }
    return p -> {
      if (p.noReplica() != null) {
        return TargetPlanner.ProbeLocation.skipped(p.noReplica());
      }
      if (p.replica() == null || !replicas.has(p.replica())) {
        return TargetPlanner.ProbeLocation.skipped(
            "no replica of this provider; audit it live (without replicas)");
      }
      return TargetPlanner.ProbeLocation.at(replicas.baseUrl(p.replica()) + p.path());
    };
  }
}
