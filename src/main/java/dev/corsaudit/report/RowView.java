package dev.corsaudit.report;

import dev.corsaudit.grade.Cause;
import dev.corsaudit.grade.RedirectHop;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.HttpReasons;
import dev.corsaudit.model.RecordedResponse;
import dev.corsaudit.result.AuditResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What every renderer derives the same way from a result: labels, status text, CORS lines. */
final class RowView {

  private RowView() {}

  /** The provider's name, with the method and path for a provider audited on several paths. */
  static String name(AuditResult result) {
    return result.target().provider().name() + where(result);
  }

  /** The provider's id, with the method and path for a provider audited on several paths. */
  static String id(AuditResult result) {
    return result.target().provider().id() + where(result);
  }

  private static String where(AuditResult result) {
    String path = result.target().provider().rowPath();
    return path == null ? "" : " " + result.target().request().method() + " " + path;
  }

  static String verdict(AuditResult result) {
    return result.status().name();
  }

  /**
   * The status the row shows: the preflight's, or the actual request's of a simple one; with both a
   * preflight and an actual request, both, as PREFLIGHT/ACTUAL (204/401).
   */
  static String status(AuditResult result) {
    Exchange exchange = result.mainExchange();
    if (exchange == null) {
      return "–";
    }
    String main = status(exchange);
    if (result.preflight() != null && result.actual() != null) {
      return main + "/" + status(result.actual());
    }
    return main;
  }

  private static String status(Exchange exchange) {
    if (exchange.error() != null) {
      return exchange.error().kind().name();
    }
    return Integer.toString(exchange.response().status());
  }

  static String statusWithReason(RecordedResponse response) {
    String reason = HttpReasons.of(response.status());
    return reason.isEmpty()
        ? Integer.toString(response.status())
        : response.status() + " " + reason;
  }

  private static final List<String> READING_ORDER =
      List.of(
          "access-control-allow-origin",
          "access-control-allow-credentials",
          "access-control-allow-methods",
          "access-control-allow-headers",
          "access-control-max-age",
          "access-control-expose-headers");

  /**
   * The Access-Control-* lines in the order people read them (origin, credentials, methods,
   * headers, max-age): the JDK client does not keep the server's order across names anyway.
   * Repeated lines of one name keep their arrival order.
   */
  static List<HeaderLine> corsLines(RecordedResponse response) {
    List<HeaderLine> lines = new ArrayList<>();
    for (HeaderLine line : response.rawHeaderBlock() ? asReceived(response) : response.headers()) {
      if (line.lowerName().startsWith("access-control-")) {
        lines.add(line);
      }
    }
    lines.sort(
        java.util.Comparator.comparingInt(
            line -> {
              int rank = READING_ORDER.indexOf(line.lowerName().strip());
              return rank < 0 ? READING_ORDER.size() : rank;
            }));
    return lines;
  }

  /**
   * A raw-recorded block's lines with each name as the server sent it ("Access-Control-Allow-Origin
   * " with its padding), so the report shows the defect that engines read differently.
   */
  private static List<HeaderLine> asReceived(RecordedResponse response) {
    List<HeaderLine> out = new ArrayList<>();
    for (String raw : response.rawHeaderLines()) {
      String line = raw.replaceAll("\r?\n$", "");
      int colon = line.indexOf(':');
      if (colon > 0 && !line.startsWith(" ") && !line.startsWith("\t")) {
        out.add(new HeaderLine(line.substring(0, colon), line.substring(colon + 1).strip()));
      }
    }
    return out;
  }

  /** A sentence followed by more text: no doubled punctuation. */
  static String sentence(String text) {
    return text.endsWith(".") || text.endsWith("?") || text.endsWith("!") ? text : text + ".";
  }

  static Cause firstCause(AuditResult result) {
    return result.verdict() == null || result.verdict().causes().isEmpty()
        ? null
        : result.verdict().causes().get(0);
  }

  static String path(String url) {
    try {
      URI uri = URI.create(url);
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  /**
   * A long allow-list shortened the way the compatibility report does: the first item and the ones
   * this request needs, then "...".
   */
  static String abbreviateList(String value, List<String> requested) {
    String[] items = value.split(",");
    if (items.length <= 3) {
      return value;
    }
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < items.length; i++) {
      String item = items[i].strip();
      if (i == 0 || requested.contains(item.toLowerCase(Locale.ROOT))) {
        kept.add(item);
      }
    }
    return String.join(", ", kept) + ", ...";
  }

  /** What a redirect hop got: its response, or its failed preflight. */
  static String hopStatus(RedirectHop hop) {
    Exchange shown = hop.response() != null ? hop.response() : hop.preflight();
    String what = hop.response() != null ? "" : "preflight ";
    if (shown == null) {
      return "not sent";
    }
    if (shown.error() != null) {
      return what + "no response (" + shown.error().kind() + ": " + shown.error().message() + ")";
    }
    return what + RowView.statusWithReason(shown.response());
  }

  /** The table's browser cell: what the browser did, and whether it agrees. */
  static String browserCell(AuditResult result) {
    var c = result.confirmation();
    if (c == null) {
      return "";
    }
    if (!c.comparable()) {
      return "n/a: " + c.detail();
    }
    return c.outcome()
        + (Boolean.TRUE.equals(result.browserAgrees()) ? " (agrees)" : " (DISAGREES)");
  }
}
