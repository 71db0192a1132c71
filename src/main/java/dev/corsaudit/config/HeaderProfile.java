package dev.corsaudit.config;

import dev.corsaudit.model.HeaderLine;
import java.util.List;

/**
 * A named set of request headers a real browser app sends, e.g. what the OpenAI JS SDK adds to
 * every request. Auditing with only {@code Authorization} and {@code Content-Type} gives a false
 * PASS for SDK apps, so providers list the profiles that matter for them.
 */
public record HeaderProfile(String name, String description, List<HeaderLine> headers) {

  public HeaderProfile {
    headers = List.copyOf(headers);
  }
}
