package dev.corsaudit.model;

import java.util.List;

/**
 * A request ready to send: what the browser would put on the wire, header by header, in the order a
 * browser sends them. The probe sends it as faithfully as the HTTP client allows.
 *
 * @param body the request body, or null for none
 */
public record PlannedRequest(String method, String url, List<HeaderLine> headers, byte[] body) {

  public PlannedRequest {
    headers = List.copyOf(headers);
  }
}
