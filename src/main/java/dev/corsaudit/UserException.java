package dev.corsaudit;

/**
 * A failure the user can fix: a bad providers.yaml, an unknown profile, an unreadable file. Its
 * message is one line that names the cause and what to do; it is printed without a stack trace.
 */
public class UserException extends RuntimeException {
  public UserException(String message) {
    super(message);
  }

  public UserException(String message, Throwable cause) {
    super(message, cause);
  }
}
