package dev.corsaudit.grade;

import java.util.Objects;

/**
 * A named reason for a verdict, with a one-line message in the user's terms and the fix in the
 * terms of an endpoint CORS policy (allow_origins, allow_methods, allow_headers, ...).
 *
 * @param detail the specific item the cause is about (a header name, a method), or null
 */
public record Cause(CauseCode code, String message, String fix, String detail) {

  public Cause {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(fix, "fix");
  }

  public Cause(CauseCode code, String message, String fix) {
    this(code, message, fix, null);
  }
}
