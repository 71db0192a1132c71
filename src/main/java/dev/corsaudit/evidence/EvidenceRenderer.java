package dev.corsaudit.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.corsaudit.grade.Cause;
import dev.corsaudit.grade.Engine;
import dev.corsaudit.grade.EngineVerdict;
import dev.corsaudit.grade.Outcome;
import dev.corsaudit.grade.Verdict;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.RecordedResponse;
import dev.corsaudit.model.SentRequest;
import dev.corsaudit.policy.CorsPolicy;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.Escape;
import dev.corsaudit.result.Redactor;
import dev.corsaudit.result.SecretMask;
import java.time.Instant;
import java.util.List;

/**
 * A Markdown block to paste into a provider's issue tracker: what was sent (as curl), what came
 * back (verbatim), the verdict with the browsers' console lines, and the fix in server terms.
 * Secrets are redacted everywhere.
 */
public final class EvidenceRenderer {

  private EvidenceRenderer() {}

  public static String render(AuditResult result, Instant recordedAt, String toolVersion) {
    return render(result, recordedAt, toolVersion, SecretMask.NONE);
  }

  /**
   * @param extra secrets to mask beyond those the result itself carries (the api_key_env values)
   */
  public static String render(
      AuditResult result, Instant recordedAt, String toolVersion, SecretMask extra) {
    String text = Redactor.redactUrlsIn(unmasked(result, recordedAt, toolVersion));
    return SecretMask.of(result).apply(extra.apply(text));
  }

  private static String unmasked(AuditResult result, Instant recordedAt, String toolVersion) {
    StringBuilder md = new StringBuilder();
    var target = result.target();
    md.append("### CORS evidence: ").append(text(target.provider().name())).append("\n\n");
    md.append("- **Endpoint:** ")
        .append(Escape.code(Redactor.redactUrl(target.request().url())))
        .append("\n");
    md.append("- **Page origin:** ").append(Escape.code(target.request().origin())).append("\n");
    md.append("- **Request the page makes:** `fetch()` with method ")
        .append(Escape.code(target.request().method()))
        .append(", credentials `")
        .append(target.request().credentials().wireName())
        .append("`, headers ");
    md.append(headerList(target.request().headers()))
        .append(" (profile ")
        .append(Escape.code(target.profile()))
        .append(")\n");
    md.append("- **Recorded:** ")
        .append(recordedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
        .append(" with cors-audit ")
        .append(toolVersion);
    boolean replica = !target.request().url().equals(target.probeUrl());
    if (replica) {
      md.append(" against cors-audit's built-in replica of this provider");
    }
    md.append("\n");
    if (target.provider().notes() != null && !target.provider().notes().isBlank()) {
      md.append("- **Notes:** ").append(text(target.provider().notes().strip())).append("\n");
    }
    for (String link : target.provider().tracking()) {
      md.append("- **Tracking:** ").append(text(Redactor.redactUrl(link))).append("\n");
    }
    md.append("\n");
    if (replica) {
      md.append(
          "> The answer below came from a replica (a loopback server replaying the provider's"
              + " recorded answer), not from the real endpoint: rerun the curl command to see what"
              + " the endpoint answers today.\n\n");
    }

    Exchange exchange = result.preflight() != null ? result.preflight() : result.actual();
    if (exchange != null) {
      // The replica's port is gone after the run: the command names the real endpoint.
      SentRequest sent = exchange.request();
      if (replica) {
        sent =
            new SentRequest(
                sent.method(),
                realUrl(sent.url(), target.probeUrl(), target.request().url()),
                sent.httpVersion(),
                sent.headers(),
                sent.clientAddedHeaders());
      }
      md.append(result.preflight() != null ? "**Preflight sent** " : "**Request sent** ");
      md.append(replica ? "(to the real endpoint with curl):\n\n" : "(rerun it with curl):\n\n")
          .append(Escape.fenced("sh", CurlCommand.of(sent, Redactor::redact)))
          .append("\n");
      appendResponse(md, exchange);
    }
    Verdict verdict = result.verdict();
    if (verdict != null) {
      appendVerdict(md, verdict);
      if (verdict.outcome() != Outcome.PASS) {
        appendFix(md, FixSuggestion.forRequest(target.request(), target.plans().everyEngine()));
      }
    }
    return md.toString();
  }

  /** The sent URL with the replica's base swapped back for the real endpoint's. */
  static String realUrl(String sent, String probeUrl, String realUrl) {
    return sent.startsWith(probeUrl) ? realUrl + sent.substring(probeUrl.length()) : realUrl;
  }

  private static void appendResponse(StringBuilder md, Exchange exchange) {
    if (exchange.error() != null) {
      md.append("**No response:** ")
          .append(exchange.error().kind())
          .append(": ")
          .append(text(exchange.error().message()))
          .append("\n\n");
      return;
    }
    RecordedResponse response = exchange.response();
    md.append("**Response received** (").append(exchange.elapsedMs()).append(" ms):\n\n");
    StringBuilder http = new StringBuilder();
    http.append(response.httpVersion()).append(' ').append(response.status());
    String reason = dev.corsaudit.model.HttpReasons.of(response.status());
    if (!reason.isEmpty()) {
      http.append(' ').append(reason);
    }
    http.append('\n');
    if (response.rawHeaderBlock()) {
      // The lines as they came, so a space before a colon or a control byte is there to see.
      for (String line : Redactor.redactRawLines(response.rawHeaderLines())) {
        http.append(Escape.visible(line.replaceAll("\r?\n$", ""), false)).append('\n');
      }
    }
    for (HeaderLine line : response.rawHeaderBlock() ? List.<HeaderLine>of() : response.headers()) {
      HeaderLine shown = Redactor.redact(line);
      http.append(Escape.visible(shown.name(), false))
          .append(": ")
          .append(Escape.visible(shown.value(), false))
          .append('\n');
    }
    if (!response.bodyHead().isEmpty()) {
      http.append('\n').append(abbreviate(response.bodyHead(), 600)).append('\n');
    }
    md.append(Escape.fenced("http", http.toString()))
        .append("\n_")
        .append(
            response.rawHeaderBlock()
                ? RecordedResponse.RAW_HEADER_NOTE
                : RecordedResponse.HEADER_ORDER_NOTE)
        .append("_\n\n");
  }

  private static void appendVerdict(StringBuilder md, Verdict verdict) {
    md.append("**Verdict: ").append(verdict.outcome()).append("**");
    md.append(
        verdict.outcome() == Outcome.PASS ? " — a browser lets this request through.\n\n" : "\n\n");
    for (Cause cause : verdict.causes()) {
      md.append("- `").append(cause.code()).append("`: ").append(text(cause.message()));
      md.append(" **Fix:** ").append(text(cause.fix())).append('\n');
    }
    for (Cause warning : verdict.warnings()) {
      md.append("- (warning) `")
          .append(warning.code())
          .append("`: ")
          .append(text(warning.message()))
          .append('\n');
    }
    md.append('\n');
    for (Engine engine : Engine.values()) {
      EngineVerdict ev = verdict.engines().get(engine);
      if (ev != null && ev.consoleMessage() != null) {
        md.append(
                switch (engine) {
                  case CHROMIUM -> "Chrome's DevTools console shows:\n\n";
                  case FIREFOX -> "Firefox's console shows:\n\n";
                  case WEBKIT -> "Safari's console shows:\n\n";
                  case SPEC -> "";
                })
            .append("> ")
            // WebKit's message is two console lines: keep both quoted, one per line.
            .append(
                String.join(
                    "  \n> ", ev.consoleMessage().lines().map(EvidenceRenderer::text).toList()))
            .append("\n\n");
      }
    }
  }

  private static void appendFix(StringBuilder md, FixSuggestion fix) {
    md.append("**Suggested fix.** Answer the `OPTIONS` preflight (before any auth middleware or")
        .append(" front-end router) with:\n\n```http\nHTTP/1.1 204 No Content\n");
    for (HeaderLine line : fix.preflightHeaders()) {
      md.append(line.name()).append(": ").append(line.value()).append('\n');
    }
    md.append("```\n\nand send the same `Access-Control-Allow-Origin` on every actual response,")
        .append(" errors (401, 429, 5xx) included. As an endpoint CORS policy:\n\n```json\n")
        .append(policyJson(fix.policy()))
        .append("\n```\n");
  }

  static String policyJson(CorsPolicy policy) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode node = mapper.createObjectNode();
    policy.allowOrigins().forEach(node.putArray("allow_origins")::add);
    policy.allowMethods().forEach(node.putArray("allow_methods")::add);
    policy.allowHeaders().forEach(node.putArray("allow_headers")::add);
    node.put("max_age", policy.maxAge());
    node.put("allow_credentials", policy.allowCredentials());
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String headerList(java.util.List<HeaderLine> headers) {
    if (headers.isEmpty()) {
      return "none";
    }
    StringBuilder out = new StringBuilder();
    for (HeaderLine header : headers) {
      HeaderLine shown = Redactor.redact(header);
      out.append(out.length() == 0 ? "" : ", ")
          .append(Escape.code(shown.name() + ": " + shown.value()));
    }
    return out.toString();
  }

  private static String text(String text) {
    return text == null ? "" : Escape.markdownText(text.replace("\n", " "));
  }

  private static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "…";
  }
}
