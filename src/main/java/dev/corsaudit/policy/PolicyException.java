package dev.corsaudit.policy;

/**
 * A policy body the endpoint would reject, with the message a provider that does CORS right
 * returns.
 */
public final class PolicyException extends RuntimeException {
  public PolicyException(String message) {
    super(message);
  }
}
