package dev.corsaudit.replica;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A provider's recorded CORS behaviour as data: ordered rules, the first that matches answers.
 *
 * @param source where the behaviour was recorded (a report, an issue thread, a spec page)
 */
public record Replica(String id, String description, String source, List<Rule> rules) {

  public Replica {
    rules = rules == null ? List.of() : List.copyOf(rules);
  }

  /** One rule: conditions on the request and the response to send when all hold. */
  public record Rule(When when, Respond respond) {}

  /** Conditions; every one that is given must hold. */
  public record When(
      String method,
      List<String> origin,
      @JsonProperty("origin_regex") String originRegex,
      @JsonProperty("origin_absent") Boolean originAbsent,
      @JsonProperty("request_headers_include") List<String> requestHeadersInclude,
      @JsonProperty("header_present") String headerPresent) {}

  /**
   * The answer. Header values may contain {origin} and {request_headers}, replaced by the request's
   * Origin and Access-Control-Request-Headers.
   */
  public record Respond(
      int status,
      String reason,
      List<List<String>> headers,
      String body,
      @JsonProperty("content_type") String contentType) {}
}
