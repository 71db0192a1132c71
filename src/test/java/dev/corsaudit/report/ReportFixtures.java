package dev.corsaudit.report;

import dev.corsaudit.config.BuiltinProfiles;
import dev.corsaudit.config.HeaderProfile;
import dev.corsaudit.config.Provider;
import dev.corsaudit.fetch.BrowserRequests;
import dev.corsaudit.grade.Grader;
import dev.corsaudit.grade.RequestPlans;
import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.NetworkError;
import dev.corsaudit.model.NetworkErrorKind;
import dev.corsaudit.model.PlannedRequest;
import dev.corsaudit.model.RecordedResponse;
import dev.corsaudit.model.SentRequest;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.AuditTarget;
import dev.corsaudit.security.Finding;
import dev.corsaudit.security.FindingCode;
import dev.corsaudit.security.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A fixed run for golden files: the compatibility report's five providers with their recorded
 * answers, plus an SDK failure, a network error, a skipped row and a security finding. Verdicts
 * come from the real grader, so the goldens also pin the grader's wording.
 */
final class ReportFixtures {

  static final Instant AT = Instant.parse("2026-11-23T03:00:00Z");
  static final String VERSION = "0.1.0-test";

  private ReportFixtures() {}

  static AuditRun seedRun() {
    List<AuditResult> results = new ArrayList<>();
    results.add(
        row(
            results.size(),
            provider(
                "openrouter",
                "OpenRouter",
                "https://openrouter.ai/api/v1",
                List.of("22 models including Claude, Gemini, Llama, Mistral, Qwen, Kimi"),
                null,
                List.of()),
            "fetch",
            response(
                204,
                List.of(
                    h(
                        "access-control-allow-headers",
                        "Authorization, User-Agent, X-Api-Key, X-CSRF-Token, X-Requested-With, Accept, Content-Type"),
                    h("access-control-allow-methods", "GET,OPTIONS,PATCH,DELETE,POST,PUT"),
                    h("access-control-allow-origin", "*")),
                null,
                "")));
    results.add(
        row(
            results.size(),
            provider(
                "azure",
                "Azure",
                "https://assert-service.services.ai.azure.com/openai/v1",
                List.of(),
                null,
                List.of()),
            "fetch",
            response(
                200,
                List.of(
                    h("access-control-allow-headers", "authorization, content-type"),
                    h("access-control-allow-methods", "POST"),
                    h("access-control-allow-origin", "*")),
                null,
                "")));
    results.add(
        row(
            results.size(),
            provider(
                "modelstream",
                "ModelStream",
                "https://api.modelstream.ai/v1",
                List.of(),
                "History - previously returned 403 with no CORS headers. Fixed by ModelStream on 2026-06-09.",
                List.of()),
            "fetch",
            response(
                204,
                List.of(
                    h(
                        "access-control-allow-headers",
                        "Origin, Content-Type, Content-Length, Accept, Accept-Language, Accept-Encoding, Authorization, Cache-Control"),
                    h("access-control-allow-methods", "GET,POST,PUT,DELETE,OPTIONS,PATCH,HEAD"),
                    h("access-control-allow-origin", "*"),
                    h("access-control-max-age", "43200")),
                null,
                "")));
    results.add(
        row(
            results.size(),
            provider(
                "nvidia-nim",
                "NVIDIA NIM",
                "https://integrate.api.nvidia.com/v1",
                List.of("meta/llama-4-maverick", "mistralai/mistral-nemotron"),
                null,
                List.of()),
            "fetch",
            response(
                200,
                List.of(
                    h(
                        "vary",
                        "Origin, Access-Control-Request-Method, Access-Control-Request-Headers")),
                null,
                "")));
    results.add(
        row(
            results.size(),
            provider(
                "opencode-zen",
                "OpenCode Zen",
                "https://opencode.ai/zen/v1",
                List.of("nemotron-3-super-free"),
                null,
                List.of("https://github.com/anomalyco/opencode/issues/31041")),
            "fetch",
            response(
                404,
                List.of(h("content-type", "text/html; charset=utf-8")),
                "text/html; charset=utf-8",
                "<!DOCTYPE html><html><body><h1>404</h1><p>Not Found</p></body></html>")));
    results.add(
        row(
            results.size(),
            provider("mistral", "Mistral", "https://api.mistral.ai/v1", List.of(), null, List.of()),
            "openai-sdk",
            response(
                204,
                List.of(
                    h("access-control-allow-headers", "authorization, content-type"),
                    h("access-control-allow-origin", "*")),
                null,
                "")));
    Provider down =
        provider("local", "Local vLLM", "http://localhost:8000/v1", List.of(), null, List.of());
    CorsRequest downRequest = request(down, "fetch");
    AuditTarget downTarget =
        new AuditTarget(
            results.size(),
            down,
            "fetch",
            downRequest,
            RequestPlans.of(downRequest),
            down.url(),
            null);
    Exchange refused =
        Exchange.ofError(
            sent(downRequest, down.url()),
            new NetworkError(
                NetworkErrorKind.CONNECT,
                "connection to localhost:8000 refused (nothing listens there)"),
            AT,
            2);
    results.add(
        AuditResult.graded(downTarget, refused, null, Grader.grade(downRequest, refused, null)));
    Provider skipped =
        provider("openai", "OpenAI", "https://api.openai.com/v1", List.of(), null, List.of());
    CorsRequest skippedRequest = request(skipped, "fetch");
    results.add(
        AuditResult.skipped(
            new AuditTarget(
                results.size(),
                skipped,
                "fetch",
                skippedRequest,
                RequestPlans.of(skippedRequest),
                null,
                "no replica of this provider; run without --replicas to audit it live")));
    List<Finding> findings =
        List.of(
            new Finding(
                "mistral",
                FindingCode.REFLECTS_ANY_ORIGIN,
                Severity.CRITICAL,
                "https://cors-audit-attacker.invalid",
                "preflight",
                "allows an arbitrary attacker origin (https://cors-audit-attacker.invalid) together with Access-Control-Allow-Credentials: true",
                "check Origin against allow_origins for exact equality",
                List.of(
                    h("access-control-allow-origin", "https://cors-audit-attacker.invalid"),
                    h("access-control-allow-credentials", "true"))));
    return new AuditRun(VERSION, AT, true, results, findings, true);
  }

  /**
   * One row whose preflight the raw recorder took: Chromium trims the space before the colon and
   * passes, Firefox and WebKit ignore that line; a secret in the block must be masked.
   */
  static AuditRun rawHeaderBlockRun() {
    List<String> raw =
        List.of(
            "Access-Control-Allow-Origin : *\r\n",
            "Access-Control-Allow-Methods: POST\r\n",
            "Access-Control-Allow-Headers: authorization, content-type\r\n",
            "Set-Cookie: session=secret-value\n");
    RecordedResponse response =
        new RecordedResponse(
            204,
            "HTTP/1.1",
            List.of(
                h("Access-Control-Allow-Origin", "*"),
                h("Access-Control-Allow-Methods", "POST"),
                h("Access-Control-Allow-Headers", "authorization, content-type"),
                h("Set-Cookie", "session=secret-value")),
            null,
            "",
            false,
            raw);
    Provider provider =
        provider("padded", "Padded", "https://api.padded.example/v1", List.of(), null, List.of());
    return new AuditRun(
        VERSION, AT, false, List.of(row(0, provider, "fetch", response)), List.of(), true);
  }

  private static AuditResult row(
      int seq, Provider provider, String profile, RecordedResponse response) {
    CorsRequest request = request(provider, profile);
    Exchange preflight = Exchange.ofResponse(sent(request, provider.url()), response, AT, 42);
    AuditTarget target =
        new AuditTarget(
            seq, provider, profile, request, RequestPlans.of(request), provider.url(), null);
    return AuditResult.graded(target, preflight, null, Grader.grade(request, preflight, null));
  }

  private static CorsRequest request(Provider provider, String profile) {
    HeaderProfile headers = BuiltinProfiles.all().get(profile);
    return new CorsRequest(
        provider.url(), "https://example.com", "POST", headers.headers(), CredentialsMode.OMIT);
  }

  private static SentRequest sent(CorsRequest request, String url) {
    PlannedRequest planned = BrowserRequests.preflight(request, url, "Mozilla/5.0 (test)");
    return new SentRequest(
        planned.method(),
        url,
        "HTTP/1.1",
        planned.headers(),
        List.of(h("Host", java.net.URI.create(url).getRawAuthority()), h("Content-Length", "0")));
  }

  private static Provider provider(
      String id,
      String name,
      String base,
      List<String> models,
      String notes,
      List<String> tracking) {
    return Provider.builder(id, base)
        .name(name)
        .notes(notes)
        .models(models)
        .tracking(tracking)
        .replica(id)
        .build();
  }

  private static RecordedResponse response(
      int status, List<HeaderLine> headers, String contentType, String body) {
    return new RecordedResponse(status, "HTTP/1.1", headers, contentType, body, false);
  }

  private static HeaderLine h(String name, String value) {
    return new HeaderLine(name, value);
  }
}
