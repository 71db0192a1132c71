package dev.corsaudit.grade;

/**
 * The first check that blocked the request in one engine: what its console reports.
 *
 * @param acao for the Allow-Origin kinds, which part of the CORS check failed
 * @param value the offending header value (ACAO, ACAC) or element (an invalid token)
 * @param item the method or header name not allowed
 */
record Block(
    Kind kind,
    AllowOriginCheck.Result acao,
    String value,
    int status,
    String item,
    boolean multipleLines) {

  enum Kind {
    PREFLIGHT_REDIRECT,
    PREFLIGHT_ALLOW_ORIGIN,
    PREFLIGHT_STATUS,
    ALLOW_METHODS_PARSE,
    ALLOW_HEADERS_PARSE,
    METHOD,
    HEADER,
    ACTUAL_ALLOW_ORIGIN
  }
}
