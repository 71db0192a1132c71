package dev.corsaudit.report;

/**
 * How the terminal table is laid out.
 *
 * @param width the terminal's width in columns; 0 for no wrapping (a pipe or a file)
 * @param showSkipped list skipped rows one by one instead of folding them into one line
 */
public record TableLayout(int width, boolean showSkipped) {

  /** No wrapping, skipped rows folded. */
  public static final TableLayout DEFAULT = new TableLayout(0, false);

  /** The narrowest width wrapped to; a narrower terminal gets lines of this width. */
  static final int MIN_WIDTH = 40;

  int effectiveWidth() {
    return width <= 0 ? Integer.MAX_VALUE : Math.max(width, MIN_WIDTH);
  }
}
