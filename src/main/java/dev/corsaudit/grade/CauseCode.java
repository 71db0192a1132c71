package dev.corsaudit.grade;

/**
 * Every named cause. {@link Kind#FAIL} causes make the browser block the request, {@link
 * Kind#ERROR} causes mean nothing could be graded, {@link Kind#WARNING} causes are advice that does
 * not block.
 */
public enum CauseCode {
  // The preflight's CORS check and status (Fetch "CORS-preflight fetch" step 7).
  MISSING_ALLOW_ORIGIN(Kind.FAIL),
  VARY_WITHOUT_ALLOW(Kind.FAIL),
  SPA_FALLBACK(Kind.FAIL),
  PREFLIGHT_STATUS(Kind.FAIL),
  PREFLIGHT_REDIRECT(Kind.FAIL),
  ALLOW_ORIGIN_MISMATCH(Kind.FAIL),
  MULTIPLE_ALLOW_ORIGIN(Kind.FAIL),
  INVALID_ALLOW_ORIGIN(Kind.FAIL),
  WILDCARD_WITH_CREDENTIALS(Kind.FAIL),
  INVALID_ALLOW_CREDENTIALS(Kind.FAIL),
  // Parsing and matching the allow-lists.
  INVALID_ALLOW_METHODS(Kind.FAIL),
  INVALID_ALLOW_HEADERS(Kind.FAIL),
  METHOD_NOT_ALLOWED(Kind.FAIL),
  HEADER_NOT_ALLOWED(Kind.FAIL),
  // The actual response's CORS check (Fetch "CORS check" again, after the preflight).
  ACTUAL_MISSING_ALLOW_ORIGIN(Kind.FAIL),
  ACTUAL_ALLOW_ORIGIN_MISMATCH(Kind.FAIL),
  ACTUAL_MULTIPLE_ALLOW_ORIGIN(Kind.FAIL),
  ACTUAL_INVALID_ALLOW_ORIGIN(Kind.FAIL),
  ACTUAL_WILDCARD_WITH_CREDENTIALS(Kind.FAIL),
  ACTUAL_INVALID_ALLOW_CREDENTIALS(Kind.FAIL),
  // Chromium turns a 407 from the server into a network error, whatever its CORS headers.
  ACTUAL_PROXY_AUTH_407(Kind.FAIL),
  // Advice: the request passes, but something is fragile, unsafe or engine-dependent.
  WILDCARD_DOES_NOT_COVER_AUTHORIZATION(Kind.WARNING),
  ENGINES_DISAGREE(Kind.WARNING),
  MISSING_VARY_ORIGIN(Kind.WARNING),
  MAX_AGE_INVALID(Kind.WARNING),
  RESPONSE_HEADERS_NOT_EXPOSED(Kind.WARNING),
  ACTUAL_NOT_CHECKED(Kind.WARNING),
  LOCAL_NETWORK_ACCESS(Kind.WARNING),
  // The page set a forbidden request header: every browser silently drops it.
  FORBIDDEN_HEADER_DROPPED(Kind.WARNING),
  // Network failures: no response to grade.
  DNS(Kind.ERROR),
  CONNECT(Kind.ERROR),
  TLS(Kind.ERROR),
  TIMEOUT(Kind.ERROR),
  PROTOCOL(Kind.ERROR);

  /** What a cause does to the verdict. */
  public enum Kind {
    FAIL,
    ERROR,
    WARNING
  }

  private final Kind kind;

  CauseCode(Kind kind) {
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
