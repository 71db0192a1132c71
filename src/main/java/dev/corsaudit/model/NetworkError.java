package dev.corsaudit.model;

/**
 * A failure to get a response at all, as a value (the probe never throws for a network fault).
 *
 * @param kind what failed
 * @param message the facts, in one line
 * @param fix what to do when it is more specific than the kind's usual advice, or null
 */
public record NetworkError(NetworkErrorKind kind, String message, String fix) {

  public NetworkError(NetworkErrorKind kind, String message) {
    this(kind, message, null);
  }
}
