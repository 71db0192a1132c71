package dev.corsaudit.grade;

import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.RecordedResponse;

/**
 * A recorded response as one engine reads it. Responses the JDK client recorded look the same to
 * every engine; a raw header block (kept by the raw recorder because the JDK refused it) is read
 * with the engine's {@link HeaderBlockRules}, so Chromium may see an Access-Control-Allow-Origin
 * that Firefox and WebKit do not.
 */
final class EngineView {

  private EngineView() {}

  /** The response with the headers {@code engine} reads, or null when its parser refuses it. */
  static RecordedResponse response(Engine engine, RecordedResponse recorded) {
    if (recorded == null || !recorded.rawHeaderBlock()) {
      return recorded;
    }
    HeaderBlock block = HeaderBlock.read(recorded.rawHeaderLines(), engine.headerBlockRules());
    if (block.headers() == null) {
      return null;
    }
    return new RecordedResponse(
        recorded.status(),
        recorded.httpVersion(),
        block.headers(),
        HeaderLine.combined(block.headers(), "Content-Type"),
        recorded.bodyHead(),
        recorded.bodyTruncated(),
        recorded.rawHeaderLines());
  }

  /** Why {@code engine}'s parser fails the fetch on this response, or null when it does not. */
  static String refusal(Engine engine, RecordedResponse recorded) {
    if (recorded == null || !recorded.rawHeaderBlock()) {
      return null;
    }
    return HeaderBlock.read(recorded.rawHeaderLines(), engine.headerBlockRules()).refusal();
  }

  /** The exchange as {@code engine} reads it; a refused block stays as recorded. */
  static Exchange exchange(Engine engine, Exchange exchange) {
    if (exchange == null || exchange.failed() || !exchange.response().rawHeaderBlock()) {
      return exchange;
    }
    RecordedResponse seen = response(engine, exchange.response());
    return seen == null
        ? exchange
        : new Exchange(exchange.request(), seen, null, exchange.startedAt(), exchange.elapsedMs());
  }
}
