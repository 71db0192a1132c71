package dev.corsaudit.diff;

/** What identifies one report row across runs: provider × profile × origin. */
public record RowKey(String id, String profile, String origin) {
  @Override
  public String toString() {
    return id + " (" + profile + " @ " + origin + ")";
  }
}
