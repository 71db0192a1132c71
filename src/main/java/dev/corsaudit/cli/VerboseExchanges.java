package dev.corsaudit.cli;

import dev.corsaudit.audit.AuditListener;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.SentRequest;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.Escape;
import dev.corsaudit.result.Redactor;
import java.io.PrintWriter;
import java.net.URI;

/**
 * -v: each row's exchanges on stderr as they finish, like curl -v: "> " the request line and the
 * headers sent (the ones the JDK adds marked), "< " the status line and every response header line,
 * "* " what cors-audit says about it. Secrets are redacted; server text is made safe for a
 * terminal. This is what people paste when asking for help.
 */
final class VerboseExchanges implements AuditListener {

  private final PrintWriter err;

  VerboseExchanges(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void started(int total) {}

  @Override
  public synchronized void finished(AuditResult result) {
    StringBuilder text = new StringBuilder();
    text.append("* ")
        .append(Escape.terminal(result.target().provider().id()))
        .append(" (profile ")
        .append(Escape.terminal(result.target().profile()))
        .append(", origin ")
        .append(Escape.terminal(result.target().request().origin()))
        .append("): ")
        .append(result.status())
        .append('\n');
    exchange(text, result.preflight());
    for (var other : result.enginePreflights()) {
      text.append("* the preflight of ")
          .append(other.engines().stream().map(e -> e.key()).toList())
          .append(":\n");
      exchange(text, other.exchange());
    }
    exchange(text, result.actual());
    for (var hop : result.redirects()) {
      text.append("* redirected: ")
          .append(Escape.terminal(hop.request().method()))
          .append(" with Origin ")
          .append(Escape.terminal(hop.request().origin()))
          .append('\n');
      exchange(text, hop.preflight());
      for (var other : hop.otherPreflights()) {
        text.append("* the hop preflight of ")
            .append(other.engines().stream().map(e -> e.key()).toList())
            .append(":\n");
        exchange(text, other.exchange());
      }
      exchange(text, hop.response());
    }
    err.print(text);
    err.flush();
  }

  private static void exchange(StringBuilder text, Exchange exchange) {
    if (exchange == null) {
      return;
    }
    SentRequest sent = exchange.request();
    URI uri = URI.create(sent.url());
    String target =
        (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    text.append("> ")
        .append(sent.method())
        .append(' ')
        .append(Escape.terminal(Redactor.redactUrl("http://h" + target).substring(8)))
        .append(' ')
        .append(sent.httpVersion())
        .append('\n');
    for (HeaderLine line : sent.headers()) {
      header(text, "> ", line, "");
    }
    for (HeaderLine line : sent.clientAddedHeaders()) {
      header(text, "> ", line, "   (added by the JDK client)");
    }
    if (exchange.error() != null) {
      text.append("* no response: ")
          .append(exchange.error().kind())
          .append(": ")
          .append(Escape.terminal(exchange.error().message()))
          .append('\n');
      return;
    }
    text.append("< ")
        .append(exchange.response().httpVersion())
        .append(' ')
        .append(exchange.response().status())
        .append('\n');
    if (exchange.response().rawHeaderBlock()) {
      // As received, padding and control bytes shown: each engine read these lines its own way.
      text.append("* the JDK client refused this header block; recorded raw (HTTP/1.1)\n");
      for (String line : Redactor.redactRawLines(exchange.response().rawHeaderLines())) {
        text.append("< ").append(Escape.terminal(line.replaceAll("\r?\n$", ""))).append('\n');
      }
    } else {
      for (HeaderLine line : exchange.response().headers()) {
        header(text, "< ", line, "");
      }
    }
    text.append("* ").append(exchange.elapsedMs()).append(" ms\n");
  }

  private static void header(StringBuilder text, String prefix, HeaderLine line, String mark) {
    HeaderLine shown = Redactor.redact(line);
    text.append(prefix)
        .append(Escape.terminal(shown.name()))
        .append(": ")
        .append(Escape.terminal(shown.value()))
        .append(mark)
        .append('\n');
  }
}
