package dev.corsaudit.policy;

/**
 * A policy body the endpoint would reject, with the message a provider that does CORS right
 * returns.
 */
public final class PolicyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PolicyException(String message) {
    super(message);
  }
}
