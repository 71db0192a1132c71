package dev.corsaudit.model;

/** Why no response could be recorded. Each maps to an ERROR cause of the same name. */
public enum NetworkErrorKind {
  DNS,
  CONNECT,
  TLS,
  TIMEOUT,
  PROTOCOL
}
