package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corsaudit.evidence.EvidenceRenderer;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.MaskingWriter;
import dev.corsaudit.result.Redactor;
import dev.corsaudit.result.SecretMask;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Secrets by name, in URLs and by value: a canary appears in no format. */
class SecretRedactionTest {

  static String render(ReportFormat format, AuditRun run) throws Exception {
    StringWriter out = new StringWriter();
    Reports.renderer(format, false).render(run, out);
    return out.toString();
  }

  static void assertNoCanary(String text) {
    int at = text.indexOf("CANARY");
    assertTrue(
        at < 0,
        () ->
            "canary at "
                + at
                + ": ..."
                + text.substring(Math.max(0, at - 100), Math.min(text.length(), at + 100))
                + "...");
  }

  @ParameterizedTest
  @EnumSource(ReportFormat.class)
  void canaryIsInNoFormat(ReportFormat format) throws Exception {
    String text = render(format, HostileFixtures.secretRun());
    assertNoCanary(text);
    if (format != ReportFormat.TABLE) {
      assertTrue(text.contains("REDACTED"), text);
    }
  }

  @ParameterizedTest
  @EnumSource(ReportFormat.class)
  void noUserNameOfAUrlInAnyFormat(ReportFormat format) throws Exception {
    // The console lines quote the request URL; its userinfo goes entirely, not only the password.
    assertFalse(render(format, HostileFixtures.secretRun()).contains("user:"));
  }

  @Test
  void canaryIsNotInEvidence() {
    AuditRun run = HostileFixtures.secretRun();
    String md = EvidenceRenderer.render(run.results().get(0), run.generatedAt(), "0.1.0-test");
    assertNoCanary(md);
    // The curl command keeps the secret parameters, with a placeholder curl does not glob.
    assertTrue(
        md.contains(
            "'https://REDACTED@api.example.com/v1/chat/completions?key=REDACTED&api_key=REDACTED&model=x'"),
        md);
    assertTrue(md.contains("-H 'Authorization: Bearer [REDACTED]'"), md);
  }

  @Test
  void jsonKeepsTheShapeAndTheSchemeOfAuthorization() throws Exception {
    JsonNode json =
        new ObjectMapper().readTree(render(ReportFormat.JSON, HostileFixtures.secretRun()));
    JsonNode row = json.path("results").get(0);
    assertEquals(
        "https://REDACTED@api.example.com/v1/chat/completions?key=REDACTED&api_key=REDACTED&model=x",
        row.path("url").asText());
    assertEquals("Bearer [REDACTED]", row.path("request_headers").get(0).get(1).asText());
    assertEquals("[REDACTED]", row.path("request_headers").get(2).get(1).asText());
    // Echoed in a body: masked by value, the rest of the body stays.
    assertTrue(
        row.path("preflight")
            .path("body_head")
            .asText()
            .startsWith("{\"error\":\"Incorrect API key provided: [REDACTED]"),
        row.path("preflight").path("body_head").asText());
  }

  @Test
  void extraSecretsAreMaskedToo() throws Exception {
    AuditRun run = HostileFixtures.secretRun();
    StringWriter out = new StringWriter();
    Reports.renderer(
            ReportFormat.MARKDOWN, false, new RunNotes(false, true, List.of("Incorrect API")))
        .render(run, out);
    assertFalse(out.toString().contains("Incorrect API"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Authorization",
        "Proxy-Authorization",
        "X-Auth",
        "Token",
        "Authentication",
        "Bearer",
        "X-Credential",
        "X-Api-Key-Id",
        "X-Session-Id",
        "Cookie",
        "Set-Cookie",
        "x-goog-api-key",
        "X-Client-Secret",
        "X-Password",
        "X-Signature",
        "api-key",
        "WWW-Authenticate"
      })
  void secretNames(String name) {
    assertTrue(Redactor.isSecret(name), name);
    assertEquals(
        Redactor.keepsScheme(name) ? "Basic " + Redactor.MASK : Redactor.MASK,
        Redactor.redact(new HeaderLine(name, "Basic c2VjcmV0")).value());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Content-Type",
        "Access-Control-Allow-Credentials",
        "Access-Control-Allow-Headers",
        "x-ratelimit-remaining-tokens",
        "anthropic-ratelimit-tokens-remaining",
        "Vary",
        "Keep-Alive",
        "Origin"
      })
  void publicNames(String name) {
    assertFalse(Redactor.isSecret(name), name);
  }

  @Test
  void urls() {
    assertEquals(
        "https://REDACTED@h.example/p?key=REDACTED&x=1&Signature=REDACTED&sig=REDACTED#f",
        Redactor.redactUrl("https://u:p@h.example/p?key=K&x=1&Signature=S&sig=Z#f"));
    assertEquals(
        "https://h.example/p?access_token=REDACTED&X-Amz-Credential=REDACTED",
        Redactor.redactUrl("https://h.example/p?access_token=T&X-Amz-Credential=C"));
    assertEquals("https://h.example/p?model=x", Redactor.redactUrl("https://h.example/p?model=x"));
    assertEquals("not a url ?token=REDACTED", Redactor.redactUrl("not a url ?token=t"));
    assertEquals("127.0.0.1:8080", Redactor.hostOf("http://u:secret@127.0.0.1:8080/v1"));
  }

  @Test
  void urlsInsideText() {
    assertEquals(
        "--url 'https://REDACTED@h.example/v1?token=REDACTED' is not valid; see http://x.example/",
        Redactor.redactUrlsIn(
            "--url 'https://u:p@h.example/v1?token=t0k' is not valid; see http://x.example/"));
  }

  @Test
  void urlsInsideTextWithOnlyUserinfoOrOnlyAQuery() {
    assertEquals(
        "see https://REDACTED@h.example/v1 now",
        Redactor.redactUrlsIn("see https://u:p@h.example/v1 now"));
    assertEquals(
        "see https://h.example/v1?api_key=REDACTED now",
        Redactor.redactUrlsIn("see https://h.example/v1?api_key=k3y now"));
    String plain = "see https://h.example/v1#frag and mail a@b.example";
    assertEquals(
        "see https://h.example/v1#frag and mail a@b.example", Redactor.redactUrlsIn(plain));
  }

  @Test
  void theMaskingWriterMasksLinesWrittenInOneBlock() throws Exception {
    AuditRun run = HostileFixtures.secretRun();
    StringWriter out = new StringWriter();
    MaskingWriter writer =
        new MaskingWriter(out, SecretMask.ofTargets(List.of(run.results().get(0).target())));
    String text =
        "one https://u:p@h.example/\ntwo "
            + HostileFixtures.CANARY
            + "-xkey\n\nthree ?token=t and "
            + HostileFixtures.CANARY.substring(0, 3);
    writer.write(text.toCharArray(), 0, text.length());
    writer.write(HostileFixtures.CANARY.substring(3) + "-xkey tail");
    writer.close();
    assertEquals(
        "one https://REDACTED@h.example/\ntwo [REDACTED]\n\nthree ?token=t and [REDACTED] tail",
        out.toString());
  }

  @Test
  void theMaskingWriterMasksSecretsSplitAcrossWrites() throws Exception {
    AuditRun run = HostileFixtures.secretRun();
    StringWriter out = new StringWriter();
    MaskingWriter writer =
        new MaskingWriter(out, SecretMask.ofTargets(List.of(run.results().get(0).target())));
    String text =
        "echo "
            + HostileFixtures.CANARY
            + "-xkey and https://u:p@h.example/?token=t\nlast "
            + HostileFixtures.CANARY
            + "-session";
    for (char c : text.toCharArray()) {
      writer.write(c);
      writer.flush();
    }
    assertEquals(
        "echo [REDACTED] and https://REDACTED@h.example/?token=REDACTED\n", out.toString());
    writer.close();
    assertEquals(
        "echo [REDACTED] and https://REDACTED@h.example/?token=REDACTED\nlast [REDACTED]",
        out.toString());
  }

  @Test
  void shortValuesAreLeftToTheNameRule() {
    SecretMask mask = SecretMask.of(List.of("x", "abc", "longsecret"));
    assertEquals("x abc [REDACTED]", mask.apply("x abc longsecret"));
    // JSON- and percent-escaped forms of a secret are masked as well.
    SecretMask odd = SecretMask.of(List.of("se\"cr/et+1"));
    assertEquals("[REDACTED] [REDACTED]", odd.apply("se\\\"cr/et+1 se%22cr%2Fet%2B1"));
  }
}
