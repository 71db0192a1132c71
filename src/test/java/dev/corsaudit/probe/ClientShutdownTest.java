package dev.corsaudit.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A run's client is stopped when the run ends: a selector thread left in epoll_wait holds the JVM's
 * exit for 300 ms (ClientShutdown's javadoc).
 */
@Timeout(30)
class ClientShutdownTest {

  @StartStop public final MockWebServer server = new MockWebServer();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "jdk.internal.net.http.HttpClientImpl@1b2c3d(7) | HttpClient-7-SelectorManager",
        "jdk.internal.net.http.HttpClientImpl@1b2c3d(123) | HttpClient-123-SelectorManager",
        "jdk.internal.net.http.HttpClientImpl@1b2c3d | null",
        "jdk.internal.net.http.HttpClientImpl@1b2c3d() | null",
        "jdk.internal.net.http.HttpClientImpl@1b2c3d(7a) | null",
        "no parenthesis) | null",
        "(7) | HttpClient-7-SelectorManager",
      })
  void selectorThreadNameFromTheClientsText(String text, String name) {
    assertEquals(name, ClientShutdown.selectorThreadName(text));
  }

  @Test
  void shutdownStopsTheSelectorThreadOfAClientThatSentRequests() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    client.send(
        HttpRequest.newBuilder(server.url("/").uri()).build(),
        HttpResponse.BodyHandlers.discarding());
    Thread selector = ClientShutdown.selectorThread(client.toString());
    assertNotNull(selector, "the JDK's selector thread is found by its name");
    assertTrue(selector.isAlive());

    ClientShutdown.shutdown(client);

    assertFalse(selector.isAlive(), "the selector thread has ended");
  }

  @Test
  void noSelectorToStopIsNotAnError() {
    assertNull(ClientShutdown.selectorThread("jdk.internal.net.http.HttpClientImpl@1(999999999)"));
    ClientShutdown.stop(null);
  }

  @Test
  void theSelectorIsFoundFromAThreadOfAnotherGroup() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    Thread[] found = new Thread[1];
    Thread other =
        new Thread(
            new ThreadGroup("elsewhere"),
            () -> found[0] = ClientShutdown.selectorThread(client.toString()),
            "finder");
    other.start();
    other.join();
    assertNotNull(found[0]);
    ClientShutdown.stop(found[0]);
    assertFalse(found[0].isAlive());
  }

  @Test
  void anInterruptedCallerStaysInterrupted() {
    HttpClient client = HttpClient.newHttpClient();
    Thread selector = ClientShutdown.selectorThread(client.toString());
    Thread.currentThread().interrupt();
    ClientShutdown.stop(selector);
    assertTrue(Thread.interrupted(), "the caller's interrupt is kept for it");
  }

  @Test
  void closingAProberStopsItsClient() {
    Prober prober = new Prober(ProbeOptions.defaults());
    Thread selector = ClientShutdown.selectorThread(prober.client().toString());
    assertNotNull(selector);

    prober.close();

    assertFalse(selector.isAlive(), "Prober.close stops the client's selector thread");
  }
}
