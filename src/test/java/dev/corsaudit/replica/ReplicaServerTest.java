package dev.corsaudit.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The replicas answer exactly as their data files say, byte for byte. */
@Timeout(30)
class ReplicaServerTest {

  private static ReplicaServer server;
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() throws IOException {
    server = ReplicaServer.startBuiltin();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void headerLinesGoOutExactlyAsRecorded() throws IOException {
    String response =
        raw(
            "OPTIONS /nvidia-nim/chat/completions HTTP/1.1\r\nHost: x\r\nOrigin: https://example.com\r\n"
                + "Access-Control-Request-Method: POST\r\nConnection: close\r\n\r\n");
    assertTrue(
        response.startsWith(
            "HTTP/1.1 200 OK\r\nVary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers\r\n"),
        response);
    assertTrue(!response.toLowerCase().contains("access-control-allow"), response);
  }

  @Test
  void originIsSubstitutedAndRulesMatchOnOrigin() throws IOException {
    String listed =
        raw(
            "OPTIONS /xerotier/chat/completions HTTP/1.1\r\nOrigin: https://app.example.com\r\nConnection: close\r\n\r\n");
    assertTrue(
        listed.startsWith(
            "HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: https://app.example.com\r\nAccess-Control-Allow-Credentials: true\r\n"),
        listed);
    String other =
        raw(
            "OPTIONS /xerotier/chat/completions HTTP/1.1\r\nOrigin: https://evil.example\r\nConnection: close\r\n\r\n");
    assertTrue(other.startsWith("HTTP/1.1 200 OK\r\n") && !other.contains("Access-Control"), other);
  }

  @Test
  void requestHeaderConditions() throws Exception {
    HttpRequest optIn =
        HttpRequest.newBuilder(URI.create(server.baseUrl("anthropic") + "/v1/messages"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", "https://example.com")
            .header(
                "Access-Control-Request-Headers",
                "anthropic-dangerous-direct-browser-access,anthropic-version,x-api-key")
            .build();
    HttpResponse<String> yes = CLIENT.send(optIn, HttpResponse.BodyHandlers.ofString());
    assertEquals("*", yes.headers().firstValue("access-control-allow-origin").orElse(null));
    assertEquals(
        "anthropic-dangerous-direct-browser-access,anthropic-version,x-api-key",
        yes.headers().firstValue("access-control-allow-headers").orElse(null));
    HttpRequest plain =
        HttpRequest.newBuilder(URI.create(server.baseUrl("anthropic") + "/v1/messages?beta=true"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", "https://example.com")
            .header("Access-Control-Request-Headers", "anthropic-version,x-api-key")
            .build();
    assertTrue(
        CLIENT
            .send(plain, HttpResponse.BodyHandlers.ofString())
            .headers()
            .firstValue("access-control-allow-origin")
            .isEmpty());
  }

  @Test
  void rulesMatchOnPathAndMethod() throws IOException {
    String chat =
        raw(
            "POST /openai/chat/completions HTTP/1.1\r\nOrigin: https://example.com\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\n{}");
    assertTrue(chat.startsWith("HTTP/1.1 401 Unauthorized\r\ncontent-type: text/plain\r\n"), chat);
    assertTrue(!chat.contains("access-control-allow-origin"), chat);
    String models =
        raw(
            "GET /openai/models?limit=1 HTTP/1.1\r\nOrigin: https://example.com\r\n"
                + "Connection: close\r\n\r\n");
    assertTrue(models.startsWith("HTTP/1.1 401 Unauthorized\r\n"), models);
    assertTrue(models.contains("\r\naccess-control-allow-origin: *\r\n"), models);
    String root =
        raw(
            "OPTIONS /deepseek HTTP/1.1\r\nOrigin: https://example.com\r\nConnection: close\r\n\r\n");
    assertTrue(root.startsWith("HTTP/1.1 404 ") && !root.contains("access-control"), root);
  }

  @Test
  void bodyConditionPicksTheStreamedAnswer() throws IOException {
    String body = "{\"stream\":true}";
    String streamed =
        raw(
            "POST /llama-cpp/chat/completions HTTP/1.1\r\nOrigin: https://a.test\r\nContent-Length: "
                + body.length()
                + "\r\nConnection: close\r\n\r\n"
                + body);
    assertTrue(streamed.contains("\r\nContent-Type: text/event-stream\r\n"), streamed);
    assertTrue(streamed.contains("\r\nAccess-Control-Allow-Origin: https://a.test\r\n"), streamed);
    String plain =
        raw(
            "POST /llama-cpp/chat/completions HTTP/1.1\r\nOrigin: https://a.test\r\nContent-Length: 2"
                + "\r\nConnection: close\r\n\r\n{}");
    assertTrue(plain.contains("\r\nContent-Type: application/json; charset=utf-8\r\n"), plain);
  }

  @Test
  void keepAliveServesTwoRequestsOnOneConnection() throws IOException {
    String both =
        raw(
            "OPTIONS /azure/chat/completions HTTP/1.1\r\nHost: x\r\n\r\n"
                + "POST /azure/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}");
    assertTrue(both.startsWith("HTTP/1.1 200 OK\r\n"), both);
    assertTrue(both.contains("HTTP/1.1 401 Unauthorized\r\n"), both);
  }

  @Test
  void closingTheServerClosesItsIdleKeepAliveConnections() throws IOException {
    // A worker blocked in a read would otherwise outlive the run and hold the JVM's exit.
    ReplicaServer own = ReplicaServer.startBuiltin();
    try (Socket socket = new Socket("127.0.0.1", own.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          "OPTIONS /azure/chat/completions HTTP/1.1\r\nHost: x\r\n\r\n"
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] head = new byte[12];
      assertEquals(12, in.readNBytes(head, 0, 12));
      assertEquals("HTTP/1.1 200", new String(head, StandardCharsets.ISO_8859_1));

      own.close();

      byte[] rest = in.readAllBytes(); // ends at the server's close, not at the 10 s timeout
      assertTrue(rest.length > 0);
    }
  }

  @Test
  void unknownReplicaIs404() throws Exception {
    HttpResponse<String> r =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/nope/x"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(404, r.statusCode());
    assertTrue(r.body().contains("no replica named 'nope'"));
  }

  @Test
  void everyBuiltinReplicaAnswersAPreflight() throws Exception {
    ReplicaCatalog catalog = ReplicaCatalog.loadBuiltin();
    assertTrue(catalog.ids().size() >= 19, catalog.ids().toString());
    for (String id : catalog.ids()) {
      HttpResponse<String> r =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(server.baseUrl(id) + "/chat/completions"))
                  .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                  .header("Origin", "https://example.com")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertTrue(r.statusCode() >= 200 && r.statusCode() < 500, id + " answered " + r.statusCode());
      assertTrue(
          catalog.get(id).source() != null && !catalog.get(id).source().isBlank(),
          id + " names its source");
    }
  }

  /** A jar cannot be listed, so index.yaml names the files: it must name exactly those present. */
  @Test
  void indexListsExactlyTheDataFiles() throws IOException {
    java.nio.file.Path dir = java.nio.file.Path.of("src/main/resources/replicas");
    java.util.Set<String> present;
    try (var files = java.nio.file.Files.list(dir)) {
      present =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".yaml") && !n.equals("index.yaml"))
              .collect(java.util.stream.Collectors.toSet());
    }
    java.util.Set<String> listed = new java.util.HashSet<>();
    new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
        .readTree(dir.resolve("index.yaml").toFile())
        .path("files")
        .forEach(f -> listed.add(f.asText()));
    assertEquals(present, listed);
    ReplicaCatalog catalog = ReplicaCatalog.load(dir);
    for (String file : present) {
      String id = file.replace(".yaml", "");
      assertTrue(catalog.get(id) != null, file + " holds the replica named after it");
    }
  }

  @Test
  void hundredConcurrentRequests() {
    List<CompletableFuture<HttpResponse<Void>>> all =
        IntStream.range(0, 100)
            .mapToObj(
                i ->
                    CLIENT.sendAsync(
                        HttpRequest.newBuilder(
                                URI.create(server.baseUrl("openrouter") + "/chat/completions"))
                            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                            .build(),
                        HttpResponse.BodyHandlers.discarding()))
            .toList();
    assertTrue(all.stream().allMatch(f -> f.join().statusCode() == 204));
  }

  @Test
  void badDataFileIsRejectedWithItsLocation(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
    java.nio.file.Files.writeString(
        dir.resolve("x.yaml"),
        "id: x\nsource: synthetic\nrules:\n  - respond: {status: 200}\n    whenn: {}\n");
    dev.corsaudit.model.ConfigException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            dev.corsaudit.model.ConfigException.class, () -> ReplicaCatalog.load(dir));
    assertTrue(
        e.getMessage().startsWith(dir.resolve("x.yaml") + ":5:5: unknown key 'whenn'"),
        e.getMessage());
  }
}
