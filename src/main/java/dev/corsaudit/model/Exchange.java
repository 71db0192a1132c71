package dev.corsaudit.model;

import java.time.Instant;

/**
 * One recorded request/response pair: exactly one of {@code response} and {@code error} is
 * non-null. This is all the grader ever sees of the network.
 */
public record Exchange(
    SentRequest request,
    RecordedResponse response,
    NetworkError error,
    Instant startedAt,
    long elapsedMs) {

  public static Exchange ofResponse(
      SentRequest request, RecordedResponse response, Instant startedAt, long elapsedMs) {
    return new Exchange(request, response, null, startedAt, elapsedMs);
  }

  public static Exchange ofError(
      SentRequest request, NetworkError error, Instant startedAt, long elapsedMs) {
    return new Exchange(request, null, error, startedAt, elapsedMs);
  }

  public boolean failed() {
    return error != null;
  }
}
