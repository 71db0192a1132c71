package dev.corsaudit.model;

/**
 * A failure the user can fix: a bad providers.yaml, an unknown profile, an unreadable file. Its
 * message is one line that names the cause and what to do; it is printed without a stack trace.
 * {@link #setting()} names what to change, so the command line can add the flag that changes it.
 */
public class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Setting setting;

  public UserException(String message) {
    this(message, (Setting) null);
  }

  public UserException(String message, Setting setting) {
    super(message);
    this.setting = setting;
  }

  public UserException(String message, Throwable cause) {
    super(message, cause);
    this.setting = null;
  }

  /** The setting the problem is about, or null. */
  public Setting setting() {
    return setting;
  }
}
