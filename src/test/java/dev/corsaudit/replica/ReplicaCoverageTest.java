package dev.corsaudit.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.config.Provider;
import dev.corsaudit.config.ProvidersFile;
import dev.corsaudit.config.ProvidersLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every provider of providers.yaml is recorded as a replica, or says why it is not. */
class ReplicaCoverageTest {

  private static final ProvidersFile FILE = ProvidersLoader.load(Path.of("providers.yaml"));
  private static final ReplicaCatalog CATALOG = ReplicaCatalog.loadBuiltin();

  @Test
  void everyProviderHasAReplicaOrADocumentedReason() {
    List<String> missing = new ArrayList<>();
    for (Provider p : FILE.providers()) {
      boolean recorded = p.replica() != null && CATALOG.get(p.replica()) != null;
      if (!recorded && (p.noReplica() == null || p.noReplica().isBlank())) {
        missing.add(p.id());
      }
      if (p.replica() != null) {
        assertTrue(
            CATALOG.get(p.replica()) != null, p.id() + " names unknown replica " + p.replica());
      }
    }
    assertEquals(List.of(), missing, "providers with neither a replica nor no_replica");
  }

  @Test
  void onlyCerebrasLacksEvidence() {
    List<String> without =
        FILE.providers().stream().filter(p -> p.noReplica() != null).map(Provider::id).toList();
    assertEquals(List.of("cerebras"), without);
    assertEquals(
        "no public evidence of its answer; run live",
        FILE.providers().stream()
            .filter(p -> p.id().equals("cerebras"))
            .findFirst()
            .orElseThrow()
            .noReplica());
  }

  @Test
  void everyProviderHasAGroupAndLocalServersAreLocal() {
    for (Provider p : FILE.providers()) {
      assertTrue(p.group() != null, p.id() + " has no group");
      if (p.id().startsWith("demo-")) {
        assertEquals("demo", p.group(), p.id());
      }
      if (p.baseUrl().startsWith("http://localhost")
          && !List.of("litellm", "litellm-credentials", "gpt-load", "envoy-ai-gateway", "dify")
              .contains(p.id())) {
        assertEquals("local", p.group(), p.id());
      }
    }
    for (String id :
        List.of("ollama", "lm-studio", "lm-studio-cors", "vllm", "vllm-api-key", "llama-cpp")) {
      assertEquals(
          "local",
          FILE.providers().stream()
              .filter(p -> p.id().equals(id))
              .findFirst()
              .orElseThrow()
              .group(),
          id);
    }
  }

  /**
   * Rows are keyed (id, path, method, profile, origin): every planned row of providers.yaml has its
   * own key, and a provider with one path keeps the key (id, profile, origin) it had before.
   */
  @Test
  void everyPlannedRowHasItsOwnKeyAndSinglePathKeysAreUnchanged() {
    List<dev.corsaudit.result.AuditTarget> targets =
        dev.corsaudit.audit.TargetPlanner.plan(
            FILE.providers(),
            FILE.profiles(),
            dev.corsaudit.audit.TargetSelection.none(),
            p ->
                dev.corsaudit.audit.TargetPlanner.ProbeLocation.at(
                    "http://127.0.0.1:9/" + p.path()));
    java.util.Set<dev.corsaudit.diff.RowKey> keys = new java.util.HashSet<>();
    for (dev.corsaudit.result.AuditTarget t : targets) {
      dev.corsaudit.diff.RowKey key = dev.corsaudit.diff.RowKey.of(t);
      assertTrue(keys.add(key), "duplicate row key " + key);
      if (!t.provider().multiPath()) {
        assertEquals(
            new dev.corsaudit.diff.RowKey(t.provider().id(), t.profile(), t.request().origin()),
            key);
      }
    }
    List<String> openai =
        targets.stream()
            .filter(t -> t.provider().id().equals("openai"))
            .map(t -> dev.corsaudit.diff.RowKey.of(t).toString())
            .toList();
    assertEquals(
        List.of(
            "openai POST /chat/completions (fetch @ https://example.com)",
            "openai POST /chat/completions (openai-sdk @ https://example.com)",
            "openai GET /models (fetch @ https://example.com)",
            "openai GET /models (openai-sdk @ https://example.com)"),
        openai);
  }

  /** The replica demonstrating llama-swap's "*" is listed with the demos. */
  @Test
  void llamaSwapDemoIsListed() {
    assertTrue(
        ProvidersLoader.load(Path.of("demos/providers.yaml")).providers().stream()
            .anyMatch(p -> "llama-swap".equals(p.replica())));
  }
}
