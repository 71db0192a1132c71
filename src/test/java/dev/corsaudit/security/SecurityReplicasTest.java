package dev.corsaudit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corsaudit.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each dangerous-mistake replica is flagged with its finding and severity; the correct one with
 * none.
 */
@Timeout(60)
class SecurityReplicasTest {

  @Test
  void everyMistakeIsFlaggedAndTheCorrectPolicyIsClean() throws Exception {
    StringWriter out = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out, true),
            new PrintWriter(new StringWriter(), true),
            "check",
            "--replicas",
            "--probe-security",
            "--format",
            "json",
            "--providers",
            "demos/providers.yaml",
            "--only",
            "demo-correct-policy,demo-reflect-any-origin,demo-reflect-no-vary,demo-trusts-null,demo-prefix-match,demo-suffix-match,demo-insecure-origin");
    assertEquals(1, code, "CRITICAL/HIGH findings fail the run");
    JsonNode json = new ObjectMapper().readTree(out.toString());
    Map<String, List<String>> byProvider = new TreeMap<>();
    for (JsonNode f : json.path("findings")) {
      byProvider
          .computeIfAbsent(f.path("provider").asText(), k -> new ArrayList<>())
          .add(f.path("code").asText() + "/" + f.path("severity").asText());
    }
    byProvider.values().forEach(list -> list.sort(null));
    assertEquals(
        Map.of(
            "demo-reflect-any-origin", List.of("REFLECTS_ANY_ORIGIN/CRITICAL"),
            "demo-reflect-no-vary",
                List.of("REFLECTED_WITHOUT_VARY/MEDIUM", "REFLECTS_ANY_ORIGIN/HIGH"),
            "demo-trusts-null", List.of("TRUSTS_NULL_ORIGIN/CRITICAL"),
            "demo-prefix-match", List.of("PREFIX_MATCH/HIGH"),
            "demo-suffix-match", List.of("SUBDOMAIN_TRUSTED/LOW", "SUFFIX_MATCH/HIGH"),
            "demo-insecure-origin", List.of("INSECURE_ORIGIN_TRUSTED/MEDIUM")),
        byProvider);
  }

  @Test
  void policyMismatchesAreNamed() {
    var policy =
        new dev.corsaudit.policy.CorsPolicy(
            List.of("https://app.example.com"),
            List.of("GET", "POST", "OPTIONS"),
            List.of("Content-Type", "Authorization"),
            true,
            List.of(),
            86400);
    var wrong =
        new dev.corsaudit.model.RecordedResponse(
            204,
            "HTTP/1.1",
            List.of(
                new dev.corsaudit.model.HeaderLine(
                    "Access-Control-Allow-Origin", "https://app.example.com"),
                new dev.corsaudit.model.HeaderLine("Access-Control-Allow-Methods", "GET, POST"),
                new dev.corsaudit.model.HeaderLine(
                    "Access-Control-Allow-Headers", "Content-Type, Authorization"),
                new dev.corsaudit.model.HeaderLine("Access-Control-Max-Age", "600")),
            null,
            "",
            false);
    List<String> codes =
        PolicyChecker.checkListedOrigin("p", policy, "https://app.example.com", wrong).stream()
            .map(f -> f.code().name())
            .toList();
    assertEquals(
        List.of(
            "POLICY_METHODS_MISMATCH", "POLICY_CREDENTIALS_MISMATCH", "POLICY_MAX_AGE_MISMATCH"),
        codes);
    var none =
        new dev.corsaudit.model.RecordedResponse(200, "HTTP/1.1", List.of(), null, "", false);
    assertEquals(
        "POLICY_ORIGIN_NOT_ALLOWED",
        PolicyChecker.checkListedOrigin("p", policy, "https://app.example.com", none)
            .get(0)
            .code()
            .name());
    var extra =
        new dev.corsaudit.model.RecordedResponse(
            204,
            "HTTP/1.1",
            List.of(
                new dev.corsaudit.model.HeaderLine(
                    "Access-Control-Allow-Origin", "https://evil.test")),
            null,
            "",
            false);
    assertEquals(
        "POLICY_EXTRA_ORIGIN",
        PolicyChecker.checkUnlistedOrigin("p", policy, "https://evil.test", extra)
            .get(0)
            .code()
            .name());
  }
}
