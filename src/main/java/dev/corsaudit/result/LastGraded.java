package dev.corsaudit.result;

/**
 * The verdict an ERROR row had the last time it was graded, carried forward from the baseline so
 * that a night without network neither hides a known verdict nor turns it into a regression.
 *
 * @param verdict PASS or FAIL
 * @param at when that verdict was graded (the generated_at of the report it came from)
 */
public record LastGraded(String verdict, String at) {

  /** The date part of {@link #at} (YYYY-MM-DD), as reports show it. */
  public String date() {
    return at == null || at.length() < 10 ? String.valueOf(at) : at.substring(0, 10);
  }

  /** "last graded PASS on 2026-11-23, ERROR tonight". */
  public String label() {
    return "last graded " + verdict + " on " + date() + ", ERROR tonight";
  }
}
