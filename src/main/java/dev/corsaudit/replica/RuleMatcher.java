package dev.corsaudit.replica;

import java.util.Locale;
import java.util.Map;

/** Decides which rule of a replica answers a request. Pure. */
final class RuleMatcher {

  private RuleMatcher() {}

  /**
   * @param path the request path below the replica's base, query removed ("" for the base itself)
   * @param headers the request's headers, names lower-cased (last value wins)
   * @param body the request body as text ("" when there is none)
   */
  static Replica.Rule match(
      Replica replica, String method, String path, Map<String, String> headers, String body) {
    for (Replica.Rule rule : replica.rules()) {
      if (matches(rule.when(), method, path, headers, body)) {
        return rule;
      }
    }
    return null;
  }

  static boolean matches(
      Replica.When when, String method, String path, Map<String, String> headers, String body) {
    if (when == null) {
      return true;
    }
    String origin = headers.get("origin");
    if (when.method() != null && !when.method().equals(method)) {
      return false;
    }
    if (when.path() != null && !when.path().equals(path)) {
      return false;
    }
    if (when.pathRegex() != null && !when.pathRegex().matcher(path).matches()) {
      return false;
    }
    if (when.origin() != null && (origin == null || !when.origin().contains(origin))) {
      return false;
    }
    if (when.originRegex() != null
        && (origin == null || !when.originRegex().matcher(origin).matches())) {
      return false;
    }
    if (when.originAbsent() != null && when.originAbsent() != (origin == null)) {
      return false;
    }
    if (when.requestHeadersInclude() != null) {
      String requested =
          headers.getOrDefault("access-control-request-headers", "").toLowerCase(Locale.ROOT);
      for (String name : when.requestHeadersInclude()) {
        boolean found = false;
        for (String item : requested.split(",")) {
          found |= item.strip().equals(name.toLowerCase(Locale.ROOT));
        }
        if (!found) {
          return false;
        }
      }
    }
    if (when.bodyContains() != null && !body.contains(when.bodyContains())) {
      return false;
    }
    return when.headerPresent() == null
        || headers.containsKey(when.headerPresent().toLowerCase(Locale.ROOT));
  }
}
