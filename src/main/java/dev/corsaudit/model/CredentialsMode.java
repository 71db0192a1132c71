package dev.corsaudit.model;

/**
 * fetch()'s credentials mode. For a cross-origin request {@code same-origin} behaves as {@code
 * omit}, so only two values change a verdict.
 */
public enum CredentialsMode {
  OMIT("omit"),
  INCLUDE("include");

  private final String wireName;

  CredentialsMode(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static CredentialsMode parse(String text) {
    for (CredentialsMode mode : values()) {
      if (mode.wireName.equalsIgnoreCase(text)) {
        return mode;
      }
    }
    if ("same-origin".equalsIgnoreCase(text)) {
      return OMIT;
    }
    throw new IllegalArgumentException(
        "unknown credentials mode '" + text + "' (expected omit, same-origin or include)");
  }
}
