package dev.corsaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.config.ProvidersFile;
import dev.corsaudit.config.ProvidersLoader;
import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.Setting;
import dev.corsaudit.model.UserException;
import dev.corsaudit.result.AuditTarget;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Providers expand into rows: provider × profile × origin, in file order, overrides applied. */
class TargetPlannerTest {

  private static final ProvidersFile FILE =
      ProvidersLoader.parse(
          "test.yaml",
          """
          providers:
            - id: one
              base_url: https://one.example/v1
              path: /chat/completions
              profiles: [fetch, openai-sdk]
              origins: [https://app.example.com, http://localhost:3000]
            - id: two
              base_url: https://two.example/v1
              path: /chat/completions
              method: GET
          """);

  private static List<AuditTarget> plan(TargetSelection selection) {
    return TargetPlanner.plan(
        FILE.providers(),
        FILE.profiles(),
        selection,
        p -> TargetPlanner.ProbeLocation.at("http://127.0.0.1:1" + p.path()));
  }

  @Test
  void rowsAreProviderTimesProfileTimesOriginInFileOrder() {
    List<AuditTarget> rows = plan(TargetSelection.none());
    List<String> keys =
        rows.stream()
            .map(
                t ->
                    t.seq()
                        + " "
                        + t.provider().id()
                        + " "
                        + t.profile()
                        + " "
                        + t.request().origin())
            .toList();
    assertEquals(
        List.of(
            "0 one fetch https://app.example.com",
            "1 one fetch http://localhost:3000",
            "2 one openai-sdk https://app.example.com",
            "3 one openai-sdk http://localhost:3000",
            "4 two fetch https://example.com"),
        keys);
    assertEquals("GET", rows.get(4).request().method());
    assertEquals("https://one.example/v1/chat/completions", rows.get(0).request().url());
    assertEquals("http://127.0.0.1:1/chat/completions", rows.get(0).probeUrl());
  }

  @Test
  void eachRowCarriesItsPlan() {
    AuditTarget row = plan(TargetSelection.none()).get(4);
    assertEquals("GET", row.plans().top().normalizedMethod());
    assertEquals(List.of("authorization", "content-type"), row.plans().top().unsafeHeaderNames());
  }

  @Test
  void selectionNarrowsAndOverrides() {
    TargetSelection selection =
        new TargetSelection(
            List.of("two"),
            List.of("fetch"),
            List.of("http://tauri.localhost"),
            "put",
            List.of(new HeaderLine("X-Trace", "1"), new HeaderLine("authorization", "Bearer x")),
            CredentialsMode.INCLUDE);
    List<AuditTarget> rows = plan(selection);
    assertEquals(1, rows.size());
    AuditTarget row = rows.get(0);
    assertEquals("http://tauri.localhost", row.request().origin());
    assertEquals("put", row.request().method());
    assertEquals(CredentialsMode.INCLUDE, row.request().credentials());
    List<String> names = row.request().headers().stream().map(HeaderLine::name).toList();
    assertEquals(List.of("Content-Type", "X-Trace", "authorization"), names);
    assertEquals("PUT", row.plans().top().normalizedMethod());
  }

  @Test
  void unknownProfileNamesTheKnownOnes() {
    UserException e =
        assertThrows(
            UserException.class,
            () ->
                plan(
                    new TargetSelection(
                        List.of(), List.of("nope"), List.of(), null, List.of(), null)));
    assertEquals(Setting.PROFILE, e.setting());
    assertTrue(e.getMessage().contains("known profiles: "), e.getMessage());
    assertTrue(e.getMessage().contains("openai-sdk"), e.getMessage());
  }

  @Test
  void skippedProvidersKeepTheirReason() {
    List<AuditTarget> rows =
        TargetPlanner.plan(
            FILE.providers(),
            FILE.profiles(),
            TargetSelection.none(),
            p -> TargetPlanner.ProbeLocation.skipped("because"));
    assertTrue(rows.stream().allMatch(t -> t.skipped() && t.skipReason().equals("because")));
  }
}
