package dev.corsaudit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.model.ConfigException;
import dev.corsaudit.model.CredentialsMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProvidersLoaderTest {

  @Test
  void theRepositorysProvidersFileLoads() {
    ProvidersFile file = ProvidersLoader.load(Path.of("providers.yaml"));
    List<String> firstFive = file.providers().stream().limit(5).map(Provider::id).toList();
    assertEquals(
        List.of("openrouter", "azure", "modelstream", "nvidia-nim", "opencode-zen"),
        firstFive,
        "the report's order");
    Provider nim = file.providers().get(3);
    assertEquals("https://integrate.api.nvidia.com/v1/chat/completions", nim.url());
    assertEquals("POST", nim.method());
    assertEquals(List.of("https://example.com"), nim.origins());
    assertEquals(List.of("fetch"), nim.profiles());
    Provider anthropic =
        file.providers().stream().filter(p -> p.id().equals("anthropic")).findFirst().orElseThrow();
    assertEquals("https://api.anthropic.com/v1/messages", anthropic.url());
    Provider xerotier =
        file.providers().stream().filter(p -> p.id().equals("xerotier")).findFirst().orElseThrow();
    assertEquals(List.of("https://app.example.com"), xerotier.policy().allowOrigins());
    assertEquals(CredentialsMode.INCLUDE, xerotier.credentials());
    assertTrue(
        file.profiles()
            .keySet()
            .containsAll(
                List.of(
                    "none",
                    "fetch",
                    "openai-sdk",
                    "anthropic-sdk",
                    "openrouter",
                    "vercel-ai-sdk")));
    assertEquals(List.of(), file.profiles().get("none").headers());
  }

  @Test
  void defaultsAndProfilesApply() {
    ProvidersFile file =
        ProvidersLoader.parse(
            "t.yaml",
            """
        defaults:
          origins: [http://localhost:3000]
          path: /v1/chat/completions
          profiles: [mine]
        profiles:
          mine:
            extends: fetch
            headers:
              X-Stainless-Retry-Count: 0
              Authorization: Bearer other
        providers:
          - id: local
            base_url: http://127.0.0.1:8080/
        """);
    Provider p = file.providers().get(0);
    assertEquals("http://127.0.0.1:8080/v1/chat/completions", p.url());
    assertEquals(List.of("http://localhost:3000"), p.origins());
    HeaderProfile mine = file.profiles().get("mine");
    assertEquals(
        "Bearer other", dev.corsaudit.model.HeaderLine.combined(mine.headers(), "Authorization"));
    assertEquals(
        "0", dev.corsaudit.model.HeaderLine.combined(mine.headers(), "X-Stainless-Retry-Count"));
    assertEquals(
        "application/json",
        dev.corsaudit.model.HeaderLine.combined(mine.headers(), "Content-Type"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown top key|providers: []\\nprovider: []|t.yaml:2:1: unknown key 'provider'",
        "unknown provider key|providers:\\n  - id: a\\n    base_url: https://a.example\\n    urll: x|t.yaml:4:5: unknown key 'urll'",
        "missing base_url|providers:\\n  - id: a|t.yaml:2:5: missing required key 'base_url'",
        "wrong type|providers:\\n  - id: a\\n    base_url: https://a.example\\n    profiles: fetch|t.yaml:4:15: 'profiles' must be a list",
        "bad url|providers:\\n  - id: a\\n    base_url: api.example.com|t.yaml:3:15: base_url 'api.example.com' is not an absolute",
        "bad origin|providers:\\n  - id: a\\n    base_url: https://a.example\\n    origins: [https://app.example.com/page]|t.yaml:4:14: 'https://app.example.com/page' is not an origin",
        "unknown profile|providers:\\n  - id: a\\n    base_url: https://a.example\\n    profiles: [nope]|t.yaml:4:15: unknown header profile 'nope'",
        "duplicate id|providers:\\n  - id: a\\n    base_url: https://a.example\\n  - id: a\\n    base_url: https://b.example|t.yaml:4:9: duplicate provider id 'a'",
        "bad credentials|providers:\\n  - id: a\\n    base_url: https://a.example\\n    credentials: always|t.yaml:4:18: credentials 'always'",
        "invalid yaml|providers:\\n  - id: [a|t.yaml:",
        "duplicate key|providers:\\n  - id: a\\n    id: b|t.yaml:3:5: key 'id' appears twice",
        "bad policy|providers:\\n  - id: a\\n    base_url: https://a.example\\n    policy: {allow_origins: ['*'], allow_methods: [GET]}|t.yaml:4:13: invalid policy: allow_origins cannot be '*' when allow_credentials is true (CORS spec).",
        "key in api_key_env|providers:\\n  - id: a\\n    base_url: https://a.example\\n    api_key_env: sk-123|t.yaml:4:18: api_key_env must name an environment variable",
        "path and paths|providers:\\n  - id: a\\n    base_url: https://a.example\\n    path: /x\\n    paths: [/y]|t.yaml:5:12: both 'path' and 'paths' are set",
        "empty paths|providers:\\n  - id: a\\n    base_url: https://a.example\\n    paths: []|t.yaml:4:12: 'paths' must be a non-empty list",
        "path item not a path|providers:\\n  - id: a\\n    base_url: https://a.example\\n    paths: [models]|t.yaml:4:13: path 'models' must start with '/'",
        "unknown path key|providers:\\n  - id: a\\n    base_url: https://a.example\\n    paths: [{path: /m, verb: GET}]|t.yaml:4:24: unknown key 'verb'",
        "path listed twice|providers:\\n  - id: a\\n    base_url: https://a.example\\n    paths: [/m, {path: /m, method: POST}]|t.yaml:4:17: 'POST /m' is listed twice",
        "unknown group|providers:\\n  - id: a\\n    base_url: https://a.example\\n    group: edge|t.yaml:4:12: group 'edge' is not a known group",
        "group not a string|providers:\\n  - id: a\\n    base_url: https://a.example\\n    group: [local]|t.yaml:4:12: 'group' must be a string",
        "replica and no_replica|providers:\\n  - id: a\\n    base_url: https://a.example\\n    replica: a\\n    no_replica: none|t.yaml:5:17: both 'replica' and 'no_replica' are set",
      })
  void errorsAreLocated(String name, String yaml, String expectedStart) {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ProvidersLoader.parse("t.yaml", yaml.replace("\\n", "\n")));
    assertTrue(e.getMessage().startsWith(expectedStart), name + ": " + e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
  }

  @Test
  void severalPathsGroupAndNoReplica() {
    ProvidersFile file =
        ProvidersLoader.parse(
            "t.yaml",
            """
        defaults:
          method: POST
        providers:
          - id: a
            base_url: https://a.example/v1
            group: local
            paths: [/chat/completions, {path: /models, method: GET}]
          - id: b
            base_url: https://b.example/v1
            no_replica: no public evidence of its answer; run live
        """);
    Provider a = file.providers().get(0);
    assertTrue(a.multiPath());
    assertEquals("local", a.group());
    assertEquals(
        List.of(new Endpoint("/chat/completions", "POST"), new Endpoint("/models", "GET")),
        a.endpoints());
    assertEquals("https://a.example/v1/chat/completions", a.url());
    assertEquals("/chat/completions", a.rowPath());
    Provider models = a.at(a.endpoints().get(1));
    assertEquals("https://a.example/v1/models", models.url());
    assertEquals("GET", models.method());
    assertEquals("/models", models.rowPath());
    Provider b = file.providers().get(1);
    assertTrue(!b.multiPath());
    assertEquals(null, b.rowPath(), "a provider with one path keeps its old row key");
    assertEquals(null, b.group());
    assertEquals("no public evidence of its answer; run live", b.noReplica());
  }

  @Test
  void missingFileSaysSo() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> ProvidersLoader.load(Path.of("no-such-file.yaml")));
    assertTrue(e.getMessage().contains("no such file"), e.getMessage());
  }

  @Test
  @Timeout(5)
  void billionLaughsIsRefusedQuickly() {
    StringBuilder yaml =
        new StringBuilder(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    String prev = "a";
    for (char c = 'b'; c <= 'j'; c++) {
      yaml.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        yaml.append(i == 0 ? "" : ",").append('*').append(prev);
      }
      yaml.append("]\n");
      prev = String.valueOf(c);
    }
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> ProvidersLoader.parse("bomb.yaml", yaml.toString()));
    assertTrue(e.getMessage().startsWith("bomb.yaml"), e.getMessage());
  }

  @Test
  @Timeout(5)
  void hugeFileIsRefusedBeforeParsing(@TempDir Path dir) throws IOException {
    Path big = dir.resolve("big.yaml");
    byte[] chunk = ("# " + "x".repeat(1022) + "\n").getBytes();
    try (var out = Files.newOutputStream(big)) {
      for (int i = 0; i < 100 * 1024; i++) {
        out.write(chunk);
      }
    }
    long start = System.nanoTime();
    ConfigException e = assertThrows(ConfigException.class, () -> ProvidersLoader.load(big));
    assertTrue(e.getMessage().contains("limited to 10 MiB"), e.getMessage());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1000);
  }

  @Test
  void emptyFile() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> ProvidersLoader.parse("e.yaml", ""));
    assertEquals("e.yaml:1:1: the file is empty; add a 'providers:' list", e.getMessage());
  }
}
