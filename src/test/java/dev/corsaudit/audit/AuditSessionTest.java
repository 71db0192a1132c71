package dev.corsaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.config.ProvidersFile;
import dev.corsaudit.config.ProvidersLoader;
import dev.corsaudit.model.Setting;
import dev.corsaudit.model.UserException;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.RowStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The audit's one entry point against a loopback server: what is sent, graded and returned. */
@Timeout(30)
class AuditSessionTest {

  @StartStop public final MockWebServer server = new MockWebServer();

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T03:00:00.750Z"), ZoneOffset.UTC);

  private ProvidersFile providers(String... ids) {
    StringBuilder yaml = new StringBuilder("providers:\n");
    for (String id : ids) {
      yaml.append("  - id: ")
          .append(id)
          .append("\n    base_url: ")
          .append(server.url("/" + id + "/v1"))
          .append("\n    path: /chat/completions\n");
    }
    return ProvidersLoader.parse("test.yaml", yaml.toString());
  }

  private static MockResponse allowAll() {
    return new MockResponse.Builder()
        .code(204)
        .addHeader("Access-Control-Allow-Origin", "*")
        .addHeader("Access-Control-Allow-Headers", "authorization, content-type")
        .build();
  }

  @Test
  void rowsComeBackInInputOrderGradedOnceWithTheirPlans() throws Exception {
    server.enqueue(allowAll());
    server.enqueue(new MockResponse.Builder().code(404).body("<!doctype html>").build());
    AuditRun run =
        AuditSession.run(
            AuditRequest.of(providers("first", "second")).withClock(CLOCK), AuditListener.NONE);
    assertEquals(2, run.results().size());
    assertEquals("first", run.results().get(0).target().provider().id());
    assertEquals("second", run.results().get(1).target().provider().id());
    List<RowStatus> statuses = run.results().stream().map(AuditResult::status).toList();
    // One server, answers in arrival order: whichever row asked first got the 204.
    assertTrue(
        statuses.contains(RowStatus.PASS) && statuses.contains(RowStatus.FAIL),
        statuses.toString());
    assertEquals(2, server.getRequestCount(), "one preflight per row, no actual request");
    AuditResult row = run.results().get(0);
    assertTrue(row.target().plans().top().preflightNeeded());
    assertNotNull(row.preflight());
    assertNull(row.actual());
    assertEquals(Instant.parse("2026-11-23T03:00:00Z"), run.generatedAt(), "stamped by the clock");
  }

  @Test
  void theActualRequestFollowsOnlyAPassingPreflight() throws Exception {
    server.enqueue(allowAll());
    server.enqueue(
        new MockResponse.Builder()
            .code(401)
            .addHeader("Content-Type", "application/json")
            .body("{\"error\":\"bad key\"}")
            .build());
    AuditRun run =
        AuditSession.run(
            AuditRequest.of(providers("chat")).withActual(true, false, Map.of()),
            AuditListener.NONE);
    AuditResult row = run.results().get(0);
    assertEquals(RowStatus.FAIL, row.status());
    assertEquals("ACTUAL_MISSING_ALLOW_ORIGIN", row.verdict().causes().get(0).code().name());
    RecordedRequest preflight = server.takeRequest();
    RecordedRequest actual = server.takeRequest();
    assertEquals("OPTIONS", preflight.getMethod());
    assertEquals("POST", actual.getMethod());
    assertEquals(401, row.actual().response().status());

    server.enqueue(new MockResponse.Builder().code(403).build());
    AuditRun blocked =
        AuditSession.run(
            AuditRequest.of(providers("chat")).withActual(true, false, Map.of()),
            AuditListener.NONE);
    assertNull(blocked.results().get(0).actual(), "no actual request after a failing preflight");
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void listenerHearsEveryRowAndTheEnd() {
    server.enqueue(allowAll());
    server.enqueue(allowAll());
    List<String> heard = new ArrayList<>();
    AuditListener listener =
        new AuditListener() {
          @Override
          public synchronized void started(int total) {
            heard.add("started " + total);
          }

          @Override
          public synchronized void finished(AuditResult result) {
            heard.add("finished");
          }

          @Override
          public synchronized void done() {
            heard.add("done");
          }
        };
    AuditSession.run(AuditRequest.of(providers("a", "b")), listener);
    assertEquals(List.of("started 2", "finished", "finished", "done"), heard);
  }

  @Test
  void aSnapshotBeforeTheRunMarksEveryRowUnfinished() {
    try (AuditSession session =
        AuditSession.open(AuditRequest.of(providers("a", "b")), AuditListener.NONE)) {
      AuditRun snapshot = session.snapshot();
      assertEquals(
          List.of(RowStatus.UNFINISHED, RowStatus.UNFINISHED),
          snapshot.results().stream().map(AuditResult::status).toList());
      assertEquals(AuditResult.UNFINISHED_REASON, snapshot.results().get(0).skipReason());
    }
    assertEquals(0, server.getRequestCount(), "opening a session sends nothing");
  }

  @Test
  void unknownProviderIdsNameTheSettingNotAFlag() {
    UserException e =
        assertThrows(
            UserException.class,
            () ->
                AuditSession.open(
                    AuditRequest.of(providers("a"))
                        .withSelection(
                            new TargetSelection(
                                List.of("nope"), List.of(), List.of(), null, List.of(), null)),
                    AuditListener.NONE));
    assertEquals(Setting.PROVIDER_IDS, e.setting());
    assertTrue(
        e.getMessage().startsWith("unknown provider id 'nope'; known ids: a"), e.getMessage());
    assertTrue(!e.getMessage().contains("--"), "core messages name no flags: " + e.getMessage());
  }

  @Test
  void replicaRunsSkipProvidersWithoutAReplicaAndSayWhy() {
    AuditRun run =
        AuditSession.run(
            AuditRequest.of(providers("unrecorded")).withReplicas(true), AuditListener.NONE);
    AuditResult row = run.results().get(0);
    assertEquals(RowStatus.SKIPPED, row.status());
    assertTrue(row.skipReason().startsWith("no replica of this provider"), row.skipReason());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void enginesThatPlanTheRequestDifferentlySendTheirOwnPreflight() throws Exception {
    // Chromium drops a page-set User-Agent, so this GET is simple for it; Firefox, WebKit and the
    // Standard put user-agent in Access-Control-Request-Headers and must have it allowed.
    server.enqueue(new MockResponse.Builder().code(204).build());
    server.enqueue(
        new MockResponse.Builder().code(200).addHeader("Access-Control-Allow-Origin", "*").build());
    TargetSelection selection =
        new TargetSelection(
            List.of(),
            List.of("none"),
            List.of(),
            "GET",
            List.of(new dev.corsaudit.model.HeaderLine("User-Agent", "my-app/1.0")),
            null);
    AuditRun run =
        AuditSession.run(
            AuditRequest.of(providers("agent")).withSelection(selection), AuditListener.NONE);
    AuditResult row = run.results().get(0);
    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertEquals("OPTIONS", first.getMethod());
    assertEquals("user-agent", first.getHeaders().get("Access-Control-Request-Headers"));
    assertEquals("GET", second.getMethod());
    assertNull(row.preflight(), "Chromium sends no preflight");
    assertEquals(1, row.enginePreflights().size());
    assertEquals(
        List.of(
            dev.corsaudit.grade.Engine.SPEC,
            dev.corsaudit.grade.Engine.FIREFOX,
            dev.corsaudit.grade.Engine.WEBKIT),
        row.enginePreflights().get(0).engines());
    assertEquals(RowStatus.PASS, row.status());
    var engines = row.verdict().engines();
    assertEquals("PASS", engines.get(dev.corsaudit.grade.Engine.CHROMIUM).outcome().name());
    assertEquals("FAIL", engines.get(dev.corsaudit.grade.Engine.FIREFOX).outcome().name());
    assertEquals("FAIL", engines.get(dev.corsaudit.grade.Engine.WEBKIT).outcome().name());
    assertEquals(
        "MISSING_ALLOW_ORIGIN",
        engines.get(dev.corsaudit.grade.Engine.FIREFOX).causes().get(0).code().name());
  }

  @Test
  void distinctPreflightsAreSentOncePerDistinctRequest() throws Exception {
    server.enqueue(allowAll());
    server.enqueue(allowAll());
    TargetSelection selection =
        new TargetSelection(
            List.of(),
            List.of(),
            List.of(),
            null,
            List.of(new dev.corsaudit.model.HeaderLine("User-Agent", "my-app/1.0")),
            null);
    AuditRun run =
        AuditSession.run(
            AuditRequest.of(providers("agent")).withSelection(selection), AuditListener.NONE);
    assertEquals(2, server.getRequestCount(), "Chromium's preflight and the others' one");
    List<String> requested = new ArrayList<>();
    requested.add(server.takeRequest().getHeaders().get("Access-Control-Request-Headers"));
    requested.add(server.takeRequest().getHeaders().get("Access-Control-Request-Headers"));
    requested.sort(null);
    assertEquals(
        List.of("authorization,content-type", "authorization,content-type,user-agent"), requested);
    AuditResult row = run.results().get(0);
    assertNotNull(row.preflight());
    assertEquals(
        "HEADER_NOT_ALLOWED",
        row.verdict()
            .engines()
            .get(dev.corsaudit.grade.Engine.FIREFOX)
            .causes()
            .get(0)
            .code()
            .name());
  }
}
