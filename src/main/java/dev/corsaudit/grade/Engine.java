package dev.corsaudit.grade;

/** Whose rules a verdict follows: the Fetch Standard, or one browser engine as it ships today. */
public enum Engine {
  SPEC("spec"),
  CHROMIUM("chromium"),
  FIREFOX("firefox"),
  WEBKIT("webkit");

  private final String key;

  Engine(String key) {
    this.key = key;
  }

  /** The lower-case name used in JSON and on the command line. */
  public String key() {
    return key;
  }
}
