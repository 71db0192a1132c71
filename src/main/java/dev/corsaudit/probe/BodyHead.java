package dev.corsaudit.probe;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Keeps the first bytes of a body and then stops reading, so an endless or huge body costs nothing.
 * What arrived so far stays readable even if the body never finishes.
 */
final class BodyHead implements HttpResponse.BodySubscriber<BodyHead> {

  private final int limit;
  // Grown as bytes arrive (most preflight answers have no body): an eager limit-sized buffer per
  // response was 4 KiB of garbage per row, 40 MiB per 10,000 rows at the default limit.
  private volatile byte[] buffer = new byte[0];
  private final CompletableFuture<BodyHead> done = new CompletableFuture<>();
  private volatile int size;
  private volatile boolean truncated;
  private Flow.Subscription subscription;

  BodyHead(int limit) {
    this.limit = limit;
  }

  @Override
  public CompletionStage<BodyHead> getBody() {
    return done;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    for (ByteBuffer item : items) {
      int n = Math.min(item.remaining(), limit - size);
      if (size + n > buffer.length) {
        buffer =
            java.util.Arrays.copyOf(
                buffer, Math.min(limit, Math.max(size + n, Math.max(256, 2 * buffer.length))));
      }
      item.get(buffer, size, n);
      size += n;
      if (item.hasRemaining()) {
        truncated = true;
      }
    }
    if (truncated || size >= limit) {
      truncated = true;
      subscription.cancel();
      done.complete(this);
    } else {
      subscription.request(1);
    }
  }

  @Override
  public void onError(Throwable throwable) {
    // A body cut short still leaves a usable head; the headers were already received.
    truncated = true;
    done.complete(this);
  }

  @Override
  public void onComplete() {
    done.complete(this);
  }

  synchronized String text() {
    int n = size; // read before the buffer: a buffer written before this size holds its bytes
    return new String(buffer, 0, n, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The body did not finish in time: what we have is only its beginning. */
  void markIncomplete() {
    truncated = true;
  }

  boolean truncated() {
    return truncated;
  }
}
