package dev.corsaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * {@code check --url … --actual} on a server that redirects the actual request to another origin
 * and echoes the Origin it gets: the chain is reported, every engine is graded on its own hop
 * preflight, and the JSON (with the hop's other preflights) validates against the schema.
 */
class RedirectCheckTest {

  @StartStop public final MockWebServer server = new MockWebServer();

  @Test
  void aCrossOriginRedirectIsFollowedAndEachEngineGradedOnItsOwnHopPreflight() throws Exception {
    String other = "http://127.0.0.1:" + server.getPort();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String origin = request.getHeaders().get("Origin");
            MockResponse.Builder answer =
                new MockResponse.Builder()
                    .addHeader("Access-Control-Allow-Origin", origin)
                    .addHeader("Vary", "Origin");
            if (request.getMethod().equals("OPTIONS")) {
              return answer
                  .code(204)
                  .addHeader("Access-Control-Allow-Methods", "POST")
                  .addHeader("Access-Control-Allow-Headers", "authorization, content-type")
                  .build();
            }
            if (request.getTarget().startsWith("/v1/")) {
              return answer.code(307).addHeader("Location", other + "/v2/chat").build();
            }
            return answer.code(200).addHeader("Content-Type", "application/json").build();
          }
        });
    CliRun run =
        CliRun.of(
            "check",
            "--url",
            server.url("/v1/chat").toString(),
            "--actual",
            "-H",
            "Authorization: Bearer sk-test-canary",
            "-H",
            "Content-Type: application/json",
            "-f",
            "json",
            "-q");
    assertEquals(0, run.code(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals(Set.of(), ReportSchema.validate(json));
    JsonNode row = json.path("results").get(0);
    assertEquals("PASS", row.path("verdict").asText());
    for (String engine : List.of("chromium", "firefox", "webkit")) {
      assertEquals("PASS", row.path("engines").path(engine).path("verdict").asText(), engine);
    }
    JsonNode hop = row.path("redirects").get(0);
    assertEquals(other + "/v2/chat", hop.path("url").asText());
    assertEquals("null", hop.path("origin").asText());
    JsonNode others = hop.path("engine_preflights");
    assertEquals(2, others.size(), hop.toPrettyString());
    assertTrue(hop.toString().contains("\"https://example.com\""), "Firefox's carries the page's");
    assertTrue(!run.out().contains("sk-test-canary"), "the key is redacted");
  }
}
