package dev.corsaudit.browser;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.HeaderLine;
import java.nio.charset.StandardCharsets;

/** The page's fetch() as JavaScript, resolving to "PASS <status>" or "FAIL <error>". */
final class FetchScript {

  /** The path of the stand-in page served at the audited origin (intercepted, never sent). */
  static final String PAGE_PATH = "/__cors_audit_page__";

  static final String PAGE_HTML =
      "<!doctype html><meta charset=utf-8><title>cors-audit</title><p>cors-audit browser confirmation</p>";

  private FetchScript() {}

  static String of(CorsRequest request, String url, byte[] body) {
    ArrayNode headers = DevtoolsSocket.JSON.createArrayNode();
    for (HeaderLine header : request.headers()) {
      headers.addArray().add(header.name()).add(header.value());
    }
    String bodyJs =
        body == null
            ? "undefined"
            : DevtoolsSocket.JSON
                .getNodeFactory()
                .textNode(new String(body, StandardCharsets.UTF_8))
                .toString();
    return "(async () => { try { const r = await fetch("
        + quote(url)
        + ", {method: "
        + quote(request.method())
        + ", headers: new Headers("
        + headers
        + "), credentials: "
        + quote(request.credentials().wireName())
        + ", mode: 'cors', cache: 'no-store', body: "
        + bodyJs
        + "}); return 'PASS ' + r.status; }"
        + " catch (e) { return 'FAIL ' + e; } })()";
  }

  private static String quote(String text) {
    return DevtoolsSocket.JSON.getNodeFactory().textNode(text).toString();
  }
}
