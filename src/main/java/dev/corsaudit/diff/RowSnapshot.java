package dev.corsaudit.diff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The parts of one JSON report row that a diff compares: verdict, cause codes, preflight status and
 * the Access-Control-* / Vary header lines received.
 */
record RowSnapshot(
    RowKey key,
    String name,
    String verdict,
    Set<String> causes,
    String status,
    List<String> corsHeaders) {

  static RowSnapshot of(JsonNode row) {
    RowKey key = new RowKey(text(row, "id"), text(row, "profile"), text(row, "origin"));
    Set<String> causes = new LinkedHashSet<>();
    for (JsonNode cause : row.path("causes")) {
      String code = cause.path("code").asText("");
      String detail = cause.path("detail").asText("");
      causes.add(detail.isEmpty() ? code : code + ":" + detail);
    }
    JsonNode preflight = row.path("preflight");
    String status;
    if (preflight.isMissingNode() || preflight.isNull()) {
      status = "-";
    } else if (!preflight.path("error").isMissingNode() && !preflight.path("error").isNull()) {
      status = preflight.path("error").path("kind").asText("ERROR");
    } else {
      status = preflight.path("status").asText("-");
    }
    List<String> headers = new ArrayList<>();
    for (JsonNode pair : preflight.path("headers")) {
      String name = pair.path(0).asText("");
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.startsWith("access-control-") || lower.equals("vary")) {
        headers.add(lower + ": " + pair.path(1).asText(""));
      }
    }
    return new RowSnapshot(key, text(row, "name"), text(row, "verdict"), causes, status, headers);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? "" : value.asText();
  }
}
