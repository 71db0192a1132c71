package dev.corsaudit.evidence;

import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.SentRequest;
import java.util.function.UnaryOperator;

/** The curl command that reproduces a recorded request, so anyone can rerun the evidence. */
public final class CurlCommand {

  private CurlCommand() {}

  /**
   * @param redact applied to every header before it is printed, so no secret leaves the machine
   */
  public static String of(SentRequest request, UnaryOperator<HeaderLine> redact) {
    StringBuilder curl = new StringBuilder("curl -i");
    if ("HTTP/1.1".equals(request.httpVersion())) {
      curl.append(" --http1.1");
    }
    curl.append(" -X ")
        .append(request.method())
        .append(' ')
        .append(quote(dev.corsaudit.result.Redactor.redactUrl(request.url())));
    for (HeaderLine header : request.headers()) {
      HeaderLine shown = redact.apply(header);
      curl.append(" \\\n  -H ").append(quote(shown.name() + ": " + shown.value()));
    }
    return curl.toString();
  }

  /** POSIX single quoting: safe for any value, including quotes and $. */
  static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }
}
