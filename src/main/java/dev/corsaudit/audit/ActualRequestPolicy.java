package dev.corsaudit.audit;

import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.result.AuditTarget;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether and how the actual request follows a passing preflight. The key it sends is the profile's
 * deliberately invalid placeholder unless the provider names an environment variable that holds a
 * real one: keys never come from the command line, where they would land in shell history.
 */
public final class ActualRequestPolicy {

  private static final String CHAT_BODY =
      "{\"model\":\"cors-audit-probe\",\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}],"
          + "\"max_tokens\":1%s}";

  private final boolean always;
  private final boolean stream;
  private final Map<String, String> environment;

  /**
   * @param stream ask for a streamed answer ("stream": true, text/event-stream), which many
   *     providers serve from a different code path with its own headers
   */
  public ActualRequestPolicy(boolean always, boolean stream, Map<String, String> environment) {
    this.always = always;
    this.stream = stream;
    this.environment = Map.copyOf(environment);
  }

  public boolean wanted(AuditTarget target) {
    return always || target.provider().actual();
  }

  /**
   * The page's request with the placeholder key replaced by the real one, when one is configured.
   */
  public CorsRequest withKey(AuditTarget target) {
    CorsRequest request = target.request();
    String envName = target.provider().apiKeyEnv();
    String key = envName == null ? null : environment.get(envName);
    if (key == null || key.isBlank()) {
      return request;
    }
    List<HeaderLine> headers = new ArrayList<>();
    for (HeaderLine line : request.headers()) {
      if (line.hasName("Authorization")) {
        headers.add(new HeaderLine(line.name(), "Bearer " + key));
      } else if (line.hasName("x-api-key") || line.hasName("api-key")) {
        headers.add(new HeaderLine(line.name(), key));
      } else {
        headers.add(line);
      }
    }
    return new CorsRequest(
        request.url(), request.origin(), request.method(), headers, request.credentials());
  }

  /** A minimal chat request for methods that carry a body; none for GET and HEAD. */
  public byte[] body(AuditTarget target) {
    String method = target.request().method().toUpperCase(java.util.Locale.ROOT);
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      return null;
    }
    return String.format(CHAT_BODY, stream ? ",\"stream\":true" : "")
        .getBytes(StandardCharsets.UTF_8);
  }
}
