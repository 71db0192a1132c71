package dev.corsaudit.model;

import java.util.List;

/**
 * A request as the probe put it on the wire, as far as the HTTP client lets us know: the headers we
 * set, plus those the client adds itself (listed in {@code clientAddedHeaders}).
 */
public record SentRequest(
    String method,
    String url,
    String httpVersion,
    List<HeaderLine> headers,
    List<HeaderLine> clientAddedHeaders) {

  public SentRequest {
    headers = List.copyOf(headers);
    clientAddedHeaders = List.copyOf(clientAddedHeaders);
  }
}
