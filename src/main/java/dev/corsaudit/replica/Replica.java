package dev.corsaudit.replica;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A provider's recorded CORS behaviour as data: ordered rules, the first that matches answers.
 *
 * @param source where the behaviour was recorded (repo#issue or URL, with its date), or text
 *     starting with "synthetic" for a demonstration of a mistake; a rule may name its own
 * @param confidence how sure the evidence is (high, medium-high, medium, low-medium, low); a rule
 *     may name its own
 */
public record Replica(
    String id, String description, String source, String confidence, List<Rule> rules) {

  /** The confidence levels a replica or rule may state, most certain first. */
  public static final List<String> CONFIDENCE =
      List.of("high", "medium-high", "medium", "low-medium", "low");

  public Replica {
    rules = rules == null ? List.of() : List.copyOf(rules);
  }

  /** Whether this replica models a synthetic mistake rather than a recorded provider. */
  public boolean synthetic() {
    return source != null && source.startsWith("synthetic");
  }

  /**
   * One rule: conditions on the request, where the answer comes from, and the answer.
   *
   * @param source this answer's evidence (null: the replica's)
   * @param confidence this answer's confidence (null: the replica's)
   * @param note which parts of the answer are quoted, read from source or inferred, and why
   */
  public record Rule(When when, String source, String confidence, String note, Respond respond) {

    /** The source that applies to this rule: its own, or the replica's. */
    public String sourceIn(Replica replica) {
      return source != null ? source : replica.source();
    }

    /** The confidence that applies to this rule: its own, or the replica's. */
    public String confidenceIn(Replica replica) {
      return confidence != null ? confidence : replica.confidence();
    }
  }

  /**
   * Conditions; every one that is given must hold.
   *
   * @param path the request path below the replica's base (the provider's path, query removed)
   * @param pathRegex a regular expression the whole path must match
   * @param bodyContains text the request body must contain (e.g. {@code "stream":true})
   */
  public record When(
      String method,
      String path,
      Pattern pathRegex,
      List<String> origin,
      Pattern originRegex,
      Boolean originAbsent,
      List<String> requestHeadersInclude,
      String headerPresent,
      String bodyContains) {}

  /**
   * The answer. Header values may contain {origin} and {request_headers}, replaced by the request's
   * Origin and Access-Control-Request-Headers.
   */
  public record Respond(
      int status, String reason, List<Header> headers, String body, String contentType) {

    public Respond {
      headers = headers == null ? List.of() : List.copyOf(headers);
    }
  }

  /**
   * One header line as recorded.
   *
   * @param tag how the line is known: Q quoted from the source, S read from server source code, I
   *     inferred (the rule's note says why); null when the rule's source covers every line
   */
  public record Header(String name, String value, String tag) {}
}
