package dev.corsaudit.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corsaudit.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every provider of providers.yaml, audited offline against its replica with --actual, gets the
 * verdicts its public evidence supports (shared/reference/provider-cors-evidence.md, cited per
 * block below). A row's expectation is "VERDICT preflight-status actual-status causes", "-" where
 * nothing was sent. Loopback only: the replicas listen on 127.0.0.1.
 */
@Timeout(120)
class ReplicaEvidenceTest {

  /** Rows as "id METHOD last-path-segment profile [origin unless https://example.com]". */
  private static final String EXPECTED =
      """
      # The compatibility report's providers (shared/seeds/002; OpenRouter's list from ASKK D1/D2)
      openrouter POST completions fetch                 | PASS 204 401
      openrouter POST completions openai-sdk            | PASS 204 401
      openrouter POST completions openrouter            | PASS 204 401
      azure POST completions fetch                      | PASS 200 401
      modelstream POST completions fetch                | PASS 204 401
      nvidia-nim POST completions fetch                 | FAIL 200 - VARY_WITHOUT_ALLOW
      opencode-zen POST completions fetch               | FAIL 404 - SPA_FALLBACK,PREFLIGHT_STATUS
      # OpenAI, evidence 3.1: the chat preflight passes, its 401 has no ACAO; the /models 401 has "*"
      openai POST completions fetch                     | FAIL 200 401 ACTUAL_MISSING_ALLOW_ORIGIN
      openai POST completions openai-sdk                | FAIL 200 401 ACTUAL_MISSING_ALLOW_ORIGIN
      openai GET models fetch                           | PASS 200 401
      openai GET models openai-sdk                      | PASS 200 401
      # Anthropic, evidence 5: with the opt-in header, 200 and a readable 401
      anthropic POST messages anthropic-sdk             | PASS 200 401
      # Gemini, evidence 3.2: echoes, and the 400 for a bad key carries the Origin
      gemini POST completions fetch                     | PASS 200 400
      gemini POST completions openai-sdk                | PASS 200 400
      # Mistral, evidence 5: fixed list with User-Agent but no x-stainless-*
      mistral POST completions fetch                    | PASS 200 401
      mistral POST completions openai-sdk               | FAIL 200 - HEADER_NOT_ALLOWED
      # Groq and Together, evidence 3.3/3.4: echo, and 401 with "*"
      groq POST completions fetch                       | PASS 204 401
      groq POST completions openai-sdk                  | PASS 204 401
      together POST completions fetch                   | PASS 200 401
      together POST completions openai-sdk              | PASS 200 401
      # Fireworks, evidence 3.5: x-stainless-* gets an answer without any Access-Control-Allow-*
      fireworks POST completions fetch                  | PASS 200 401
      fireworks POST completions openai-sdk             | FAIL 200 - MISSING_ALLOW_ORIGIN
      # DeepSeek, evidence 3.6: reflects the Origin with credentials, echoes headers, 401 readable
      deepseek POST completions fetch                   | PASS 200 401
      deepseek POST completions openai-sdk              | PASS 200 401
      # xAI, evidence 3.7: OPTIONS answers 405 since about 2026-03-04
      xai POST completions fetch                        | FAIL 405 - MISSING_ALLOW_ORIGIN,PREFLIGHT_STATUS
      xai POST completions openai-sdk                   | FAIL 405 - MISSING_ALLOW_ORIGIN,PREFLIGHT_STATUS
      # Cerebras, evidence 3.8: no public evidence, no replica
      cerebras POST completions fetch                   | SKIPPED - -
      cerebras POST completions openai-sdk              | SKIPPED - -
      # Perplexity, evidence 3.9: x-stainless-* not allowed; /v1/models is a 404 without ACAO
      perplexity POST completions fetch                 | PASS 200 401
      perplexity POST completions openai-sdk            | FAIL 200 - HEADER_NOT_ALLOWED
      perplexity GET models fetch                       | FAIL 404 - MISSING_ALLOW_ORIGIN,PREFLIGHT_STATUS
      perplexity GET models openai-sdk                  | FAIL 404 - MISSING_ALLOW_ORIGIN,PREFLIGHT_STATUS
      # z.ai and Ollama (field notes section 3)
      zai POST completions fetch                        | FAIL 200 - VARY_WITHOUT_ALLOW
      ollama POST completions fetch                     | PASS 204 404
      ollama POST completions fetch http://tauri.localhost | PASS 204 404
      ollama POST completions openai-sdk                | FAIL 204 - HEADER_NOT_ALLOWED
      ollama POST completions openai-sdk http://tauri.localhost | FAIL 204 - HEADER_NOT_ALLOWED
      # LM Studio, evidence 3.10: CORS off parses OPTIONS as a chat call (400, no ACAO); CORS on: "*"
      lm-studio POST completions fetch                  | FAIL 400 - MISSING_ALLOW_ORIGIN,PREFLIGHT_STATUS
      lm-studio POST completions openai-sdk             | FAIL 400 - MISSING_ALLOW_ORIGIN,PREFLIGHT_STATUS
      lm-studio-cors POST completions fetch             | PASS 200 404
      lm-studio-cors POST completions openai-sdk        | PASS 200 404
      # vLLM, evidence 3.11: defaults pass (handler 404 has "*"); the --api-key 401 has no ACAO
      vllm POST completions fetch                       | PASS 200 404
      vllm POST completions openai-sdk                  | PASS 200 404
      vllm-api-key POST completions fetch               | FAIL 200 401 ACTUAL_MISSING_ALLOW_ORIGIN
      vllm-api-key POST completions openai-sdk          | FAIL 200 401 ACTUAL_MISSING_ALLOW_ORIGIN
      # llama.cpp, evidence 3.12: Origin echoed with credentials; a --cors-origins list blocks all
      llama-cpp POST completions fetch                  | PASS 200 200
      llama-cpp POST completions openai-sdk             | PASS 200 200
      llama-cpp-cors-list POST completions fetch http://a.example.com | FAIL 200 - MULTIPLE_ALLOW_ORIGIN
      # Gateways, evidence 4: LiteLLM legacy (#18265), GPT-Load (#566), FastFlowLM (#633), Envoy AI
      # Gateway (#965), Azure via Cloudflare AI Gateway (workers-sdk#5817), Dify (#4575)
      litellm POST completions fetch                    | PASS 200 401
      litellm POST completions openai-sdk               | PASS 200 401
      litellm-credentials POST completions fetch        | FAIL 200 401 ACTUAL_WILDCARD_WITH_CREDENTIALS
      gpt-load POST responses fetch                     | FAIL 401 - MISSING_ALLOW_ORIGIN,PREFLIGHT_STATUS
      fastflowlm-no-cors POST completions fetch         | FAIL 404 - MISSING_ALLOW_ORIGIN,PREFLIGHT_STATUS
      fastflowlm-no-cors GET models fetch               | FAIL 404 - MISSING_ALLOW_ORIGIN,PREFLIGHT_STATUS
      envoy-ai-gateway POST completions fetch           | FAIL 404 - MISSING_ALLOW_ORIGIN,PREFLIGHT_STATUS
      cloudflare-ai-gateway-azure POST completions fetch | FAIL 200 - HEADER_NOT_ALLOWED
      dify POST chat-messages fetch                     | FAIL 308 - PREFLIGHT_REDIRECT,MISSING_ALLOW_ORIGIN
      # Seed 000: a provider that does CORS right
      xerotier POST completions fetch https://app.example.com | PASS 204 401
      """;

  private static JsonNode run;

  @BeforeAll
  static void audit() throws Exception {
    run = json("check", "--replicas", "--actual", "--format", "json");
  }

  private static JsonNode json(String... args) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    assertTrue(out.toString().startsWith("{"), err.toString());
    return new ObjectMapper().readTree(out.toString());
  }

  private static String key(JsonNode row) {
    String url = row.path("url").asText();
    String origin = row.path("origin").asText();
    return row.path("id").asText()
        + " "
        + row.path("method").asText()
        + " "
        + url.substring(url.lastIndexOf('/') + 1)
        + " "
        + row.path("profile").asText()
        + (origin.equals("https://example.com") ? "" : " " + origin);
  }

  private static String outcome(JsonNode row) {
    List<String> causes = new ArrayList<>();
    row.path("causes").forEach(c -> causes.add(c.path("code").asText()));
    JsonNode preflight = row.path("preflight");
    JsonNode actual = row.path("actual");
    return (row.path("verdict").asText()
            + " "
            + (preflight.isObject() ? preflight.path("status").asText() : "-")
            + " "
            + (actual.isObject() ? actual.path("status").asText() : "-")
            + " "
            + String.join(",", causes))
        .strip();
  }

  private static JsonNode row(JsonNode report, String key) {
    for (JsonNode row : report.path("results")) {
      if (key(row).equals(key)) {
        return row;
      }
    }
    throw new AssertionError("no row " + key);
  }

  @Test
  void everyProviderGetsTheVerdictsItsEvidenceSupports() {
    Map<String, String> expected = new LinkedHashMap<>();
    for (String line : EXPECTED.lines().toList()) {
      if (line.isBlank() || line.strip().startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\|");
      expected.put(parts[0].strip().replaceAll(" +", " "), parts[1].strip());
    }
    Map<String, String> actual = new LinkedHashMap<>();
    for (JsonNode row : run.path("results")) {
      if (!row.path("id").asText().startsWith("demo-")) {
        actual.put(key(row), outcome(row));
      }
    }
    assertEquals(String.join("\n", expected.keySet()), String.join("\n", actual.keySet()), "rows");
    expected.forEach((key, value) -> assertEquals(value, actual.get(key), key));
  }

  @Test
  void onlyTheProviderWithoutEvidenceIsSkipped() {
    List<String> skipped = new ArrayList<>();
    for (JsonNode row : run.path("results")) {
      if (row.path("verdict").asText().equals("SKIPPED")) {
        skipped.add(row.path("id").asText());
      }
    }
    assertEquals(List.of("cerebras", "cerebras"), skipped);
  }

  /** llama.cpp's Allow-Headers "*": browsers let it cover Authorization, the spec does not. */
  @Test
  void llamaCppPassesInEveryEngineButNotPerSpec() {
    JsonNode engines = row(run, "llama-cpp POST completions fetch").path("engines");
    assertEquals("FAIL", engines.path("spec").path("verdict").asText());
    for (String engine : List.of("chromium", "firefox", "webkit")) {
      assertEquals("PASS", engines.path(engine).path("verdict").asText(), engine);
    }
    JsonNode preflight = row(run, "llama-cpp POST completions fetch").path("preflight");
    assertTrue(
        preflight
            .path("headers")
            .toString()
            .contains("[\"access-control-allow-origin\",\"https://example.com\"]"),
        preflight.toString());
    assertTrue(
        preflight
            .path("headers")
            .toString()
            .contains("[\"access-control-allow-credentials\",\"true\"]"),
        preflight.toString());
  }

  /** The OpenAI chat 401 is text/plain with CF-Ray exposed and no ACAO; the models 401 has "*". */
  @Test
  void openAiAnswersItsTwoPathsDifferently() {
    JsonNode chat = row(run, "openai POST completions fetch").path("actual");
    JsonNode models = row(run, "openai GET models fetch").path("actual");
    assertEquals("text/plain", chat.path("content_type").asText());
    assertTrue(
        !chat.path("headers").toString().contains("access-control-allow-origin"), chat.toString());
    assertTrue(chat.path("headers").toString().contains("CF-Ray"), chat.toString());
    assertTrue(
        models.path("headers").toString().contains("[\"access-control-allow-origin\",\"*\"]"),
        models.toString());
    assertTrue(row(run, "openai GET models fetch").path("url").asText().endsWith("/v1/models"));
  }

  /** Streamed answers where the evidence covers them: llama.cpp's SSE carries the Origin. */
  @Test
  void llamaCppStreamCarriesTheOrigin() throws Exception {
    JsonNode streamed =
        json(
            "check",
            "--replicas",
            "--actual",
            "--stream",
            "--only",
            "llama-cpp",
            "--format",
            "json");
    JsonNode actual = row(streamed, "llama-cpp POST completions fetch").path("actual");
    assertEquals("text/event-stream", actual.path("content_type").asText());
    assertTrue(actual.path("body_head").asText().startsWith("data: "), actual.toString());
    assertEquals(
        "PASS", row(streamed, "llama-cpp POST completions fetch").path("verdict").asText());
  }

  /** DeepSeek and llama.cpp reflect any origin; DeepSeek also says credentials (evidence 6.4). */
  @Test
  void reflectingProvidersAreFlaggedBySecurityProbes() throws Exception {
    JsonNode probed =
        json(
            "check",
            "--replicas",
            "--probe-security",
            "--only",
            "deepseek,llama-cpp,groq",
            "--format",
            "json");
    Map<String, List<String>> found = new LinkedHashMap<>();
    for (JsonNode f : probed.path("findings")) {
      found
          .computeIfAbsent(f.path("provider").asText(), k -> new ArrayList<>())
          .add(f.path("code").asText() + "/" + f.path("severity").asText());
    }
    assertTrue(
        found.getOrDefault("deepseek", List.of()).contains("REFLECTS_ANY_ORIGIN/CRITICAL"),
        found.toString());
    assertTrue(
        found.getOrDefault("llama-cpp", List.of()).contains("REFLECTS_ANY_ORIGIN/CRITICAL"),
        found.toString());
    assertTrue(
        !found.containsKey("groq"), "a wildcard without credentials is no finding: " + found);
  }
}
