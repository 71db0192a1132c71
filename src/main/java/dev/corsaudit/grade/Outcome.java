package dev.corsaudit.grade;

/** The top-level answer: would the browser let the page's request through? */
public enum Outcome {
  PASS,
  FAIL,
  ERROR
}
