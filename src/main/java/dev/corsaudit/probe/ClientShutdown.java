package dev.corsaudit.probe;

import java.net.http.HttpClient;

/**
 * Stops an {@link HttpClient}'s selector thread at the end of a run, so the JVM can exit at once.
 *
 * <p>Why: when the JVM exits, HotSpot waits up to 300 ms for every thread that is inside a native
 * call ({@code VM_Exit::wait_for_threads_in_native_to_block}), and the JDK 17 client's selector
 * thread sits in {@code epoll_wait} until the client is garbage-collected. Measured: every run,
 * {@code --version} aside, ended 0.3 s after its last line. JDK 21+ clients are {@link
 * AutoCloseable}; on JDK 17 the only way to stop the selector is to interrupt it: its loop ends on
 * an interrupt and shuts the client down (connections closed, pending requests failed). Its name is
 * {@code HttpClient-<id>-SelectorManager}, with the id at the end of the client's {@code
 * toString()}, as the JDK's own tests find it.
 */
final class ClientShutdown {

  private static final long JOIN_MILLIS = 500;

  private ClientShutdown() {}

  static void shutdown(HttpClient client) {
    if (client instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception ignored) {
        // the run is over; a client that fails to close leaves nothing to report
      }
      return;
    }
    stop(selectorThread(client.toString()));
  }

  /** Interrupts the selector thread and waits for it to end; nothing when there is none. */
  static void stop(Thread selector) {
    if (selector == null) {
      return;
    }
    selector.interrupt();
    try {
      selector.join(JOIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The selector thread of the client with this {@code toString()}, or null when it cannot be found
   * (another JDK's naming). Searched from the root thread group: the client may have been made on a
   * thread of another group.
   */
  static Thread selectorThread(String clientText) {
    String name = selectorThreadName(clientText);
    if (name == null) {
      return null;
    }
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] threads = new Thread[root.activeCount() + 16];
    int count = root.enumerate(threads, true);
    for (int i = 0; i < count; i++) {
      if (threads[i].getName().equals(name)) {
        return threads[i];
      }
    }
    return null;
  }

  /** {@code ...HttpClientImpl@1b2c3d(7)} gives {@code HttpClient-7-SelectorManager}. */
  static String selectorThreadName(String clientText) {
    if (clientText == null || !clientText.endsWith(")")) {
      return null;
    }
    int open = clientText.lastIndexOf('(');
    String id = clientText.substring(open + 1, clientText.length() - 1);
    if (open < 0 || id.isEmpty() || !id.chars().allMatch(Character::isDigit)) {
      return null;
    }
    return "HttpClient-" + id + "-SelectorManager";
  }
}
