package dev.corsaudit.probe;

import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.PlannedRequest;
import java.util.List;

/**
 * One preflight from https://a.example to {@code url}, through a prober of its own, closed after.
 */
final class OnePreflight {

  private OnePreflight() {}

  static Exchange send(ProbeOptions options, String url) {
    try (Prober prober = new Prober(options)) {
      return prober
          .send(
              new PlannedRequest(
                  "OPTIONS", url, List.of(new HeaderLine("Origin", "https://a.example")), null))
          .join();
    }
  }
}
