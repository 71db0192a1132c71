package dev.corsaudit.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Flow;
import org.junit.jupiter.api.Test;

/**
 * The head stops reading once it holds its limit: it cancels the body (an endless one would
 * otherwise keep streaming) and asks for no more; below the limit it keeps asking.
 */
class BodyHeadTest {

  /** Counts what the head asks of the body. */
  private static final class Body implements Flow.Subscription {
    long requested;
    int cancelled;

    @Override
    public void request(long n) {
      requested += n;
    }

    @Override
    public void cancel() {
      cancelled++;
    }
  }

  private static ByteBuffer bytes(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void belowTheLimitItAsksForMore() {
    Body body = new Body();
    BodyHead head = new BodyHead(4);
    head.onSubscribe(body);
    head.onNext(List.of(bytes("ab")));
    assertEquals(2, body.requested);
    assertEquals(0, body.cancelled);
    assertFalse(head.getBody().toCompletableFuture().isDone());
    head.onComplete();
    assertEquals("ab", head.text());
    assertFalse(head.truncated());
  }

  @Test
  void reachingTheLimitCancelsTheBody() {
    Body body = new Body();
    BodyHead head = new BodyHead(4);
    head.onSubscribe(body);
    head.onNext(List.of(bytes("ab"), bytes("cd")));
    assertEquals(1, body.requested, "no more is asked for");
    assertEquals(1, body.cancelled);
    assertTrue(head.getBody().toCompletableFuture().isDone());
    assertEquals("abcd", head.text());
    // Reading stopped at the limit, so whether more would have come is not known.
    assertTrue(head.truncated());
  }

  @Test
  void aLongerItemIsCutAtTheLimit() {
    Body body = new Body();
    BodyHead head = new BodyHead(3);
    head.onSubscribe(body);
    head.onNext(List.of(bytes("abcdef")));
    assertEquals(1, body.cancelled);
    assertEquals("abc", head.text());
    assertTrue(head.truncated());
  }
}
