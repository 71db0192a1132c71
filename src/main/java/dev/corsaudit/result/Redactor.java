package dev.corsaudit.result;

import dev.corsaudit.model.HeaderLine;
import java.util.Locale;
import java.util.Set;

/**
 * Hides secret header values in every output: reports are committed, pasted into issue trackers and
 * uploaded as CI artifacts. The scheme of an Authorization value stays ("Bearer [REDACTED]")
 * because it tells a reader what kind of credential was sent.
 */
public final class Redactor {

  public static final String MASK = "[REDACTED]";

  private static final Set<String> SECRET_NAMES =
      Set.of(
          "authorization",
          "proxy-authorization",
          "cookie",
          "set-cookie",
          "x-api-key",
          "api-key",
          "x-goog-api-key");

  private Redactor() {}

  public static boolean isSecret(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    // Suffix rules, not "contains": x-ratelimit-remaining-tokens is a number an app needs to see.
    return SECRET_NAMES.contains(lower)
        || lower.endsWith("-key")
        || lower.endsWith("apikey")
        || lower.endsWith("-token")
        || lower.endsWith("-secret")
        || lower.contains("password");
  }

  public static HeaderLine redact(HeaderLine line) {
    if (!isSecret(line.name()) || line.value().isEmpty()) {
      return line;
    }
    String value = line.value();
    int space = value.indexOf(' ');
    boolean hasScheme = line.hasName("Authorization") || line.hasName("Proxy-Authorization");
    if (hasScheme && space > 0) {
      return new HeaderLine(line.name(), value.substring(0, space) + " " + MASK);
    }
    return new HeaderLine(line.name(), MASK);
  }
}
