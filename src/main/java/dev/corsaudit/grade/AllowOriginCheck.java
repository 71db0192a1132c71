package dev.corsaudit.grade;

import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.HeaderLine;
import java.net.URI;
import java.util.List;

/**
 * The Fetch "CORS check" (Access-Control-Allow-Origin and -Credentials), with the failure named the
 * way Chromium names it. Used for the preflight and again for the actual response.
 */
final class AllowOriginCheck {

  /** Which part of the check failed, or OK. */
  enum Result {
    OK,
    MISSING,
    MULTIPLE,
    INVALID,
    MISMATCH,
    WILDCARD_WITH_CREDENTIALS,
    INVALID_CREDENTIALS
  }

  private AllowOriginCheck() {}

  static Result check(List<HeaderLine> headers, String origin, CredentialsMode credentials) {
    List<String> lines = HeaderLine.values(headers, "Access-Control-Allow-Origin");
    if (lines.isEmpty()) {
      return Result.MISSING;
    }
    String value = combined(lines);
    boolean include = credentials == CredentialsMode.INCLUDE;
    if (value.equals("*")) {
      return include ? Result.WILDCARD_WITH_CREDENTIALS : Result.OK;
    }
    if (!value.equals(origin)) {
      if (value.contains(",") || value.contains(" ")) {
        return Result.MULTIPLE;
      }
      if (!value.equals("null") && !isUrl(value)) {
        return Result.INVALID;
      }
      return Result.MISMATCH;
    }
    if (!include) {
      return Result.OK;
    }
    String allowCredentials = HeaderLine.combined(headers, "Access-Control-Allow-Credentials");
    return allowCredentials != null && allowCredentials.trim().equals("true")
        ? Result.OK
        : Result.INVALID_CREDENTIALS;
  }

  /** All lines joined with ", " after HTTP's whitespace trimming, as the Fetch "get" does. */
  static String combined(List<String> lines) {
    // Every line counts, empty ones too: "" and "*" on two lines is ", *", which must fail.
    return String.join(", ", lines.stream().map(String::strip).toList());
  }

  static String value(List<HeaderLine> headers) {
    List<String> lines = HeaderLine.values(headers, "Access-Control-Allow-Origin");
    return lines.isEmpty() ? null : combined(lines);
  }

  /** Each line trimmed, then joined: Chromium prints "true, " for the lines "true" and "". */
  static String credentialsValue(List<HeaderLine> headers) {
    List<String> lines = HeaderLine.values(headers, "Access-Control-Allow-Credentials");
    return lines.isEmpty() ? "" : combined(lines);
  }

  static int lineCount(List<HeaderLine> headers) {
    return HeaderLine.values(headers, "Access-Control-Allow-Origin").size();
  }

  /** Roughly Chromium's GURL validity: a scheme followed by something. */
  private static boolean isUrl(String value) {
    if (!value.matches("[A-Za-z][A-Za-z0-9+.\\-]*:.+")) {
      return false;
    }
    try {
      URI.create(value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
