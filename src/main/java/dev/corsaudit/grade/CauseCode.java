package dev.corsaudit.grade;

/**
 * Every named cause. {@link Kind#FAIL} causes make the browser block the request, {@link Kind#ERROR}
 * causes mean nothing could be graded, {@link Kind#WARNING} causes are advice that does not block.
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
