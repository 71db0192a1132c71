package dev.corsaudit.grade;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.RecordedResponse;
import dev.corsaudit.model.SentRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile servers send anything: random header lines (names, values, control characters, repeats,
 * odd statuses, bodies) never make the grader throw, and every FAIL names a cause and a fix.
 */
class GraderFuzzTest {

  private static final String[] NAMES = {
    "Access-Control-Allow-Origin",
    "access-control-allow-origin",
    "Access-Control-Allow-Methods",
    "Access-Control-Allow-Headers",
    "Access-Control-Allow-Credentials",
    "Access-Control-Max-Age",
    "Access-Control-Expose-Headers",
    "Vary",
    "Location",
    "Content-Type",
    "X-Ratelimit-Remaining",
    "Retry-After",
    "Set-Cookie"
  };
  private static final String[] PIECES = {
    "*",
    "https://app.example.com",
    "null",
    "",
    " ",
    ",",
    ", ,",
    "true",
    "True",
    "GET",
    "post",
    "PUT",
    "Bad value",
    "authorization",
    "content-type",
    "x-stainless-timeout",
    "-1",
    "1.5",
    "99999999999999999999",
    "\u0000",
    "\t",
    "\u00e9",
    "\"*\"",
    "Origin",
    "text/html",
    "<html>",
    "https://app.example.com/",
    "HTTP://APP.EXAMPLE.COM"
  };

  /**
   * How many random responses: 20,000 in the suite; the mutation profile asks for fewer ({@code
   * -Dcorsaudit.fuzz.cases}), since it runs this test once per surviving grade mutant.
   */
  private static final int CASES = Integer.getInteger("corsaudit.fuzz.cases", 20_000);

  @Test
  @Timeout(30)
  void randomResponsesNeverBreakTheGrader() {
    Random random = new Random(7L);
    for (int i = 0; i < CASES; i++) {
      List<HeaderLine> headers = new ArrayList<>();
      int lines = random.nextInt(8);
      for (int l = 0; l < lines; l++) {
        StringBuilder value = new StringBuilder();
        int parts = random.nextInt(4);
        for (int p = 0; p < parts; p++) {
          value
              .append(p == 0 ? "" : random.nextBoolean() ? ", " : ",")
              .append(PIECES[random.nextInt(PIECES.length)]);
        }
        headers.add(new HeaderLine(NAMES[random.nextInt(NAMES.length)], value.toString()));
      }
      int status =
          random.nextInt(10) == 0
              ? random.nextInt(1000)
              : new int[] {200, 204, 301, 302, 401, 403, 404, 500}[random.nextInt(8)];
      String body = random.nextInt(5) == 0 ? "<!doctype html><p>x" : "";
      List<HeaderLine> requestHeaders =
          random.nextBoolean()
              ? List.of(
                  new HeaderLine("Authorization", "Bearer x"),
                  new HeaderLine("Content-Type", "application/json"))
              : List.of(new HeaderLine("X-Stainless-Timeout", "600"));
      CorsRequest request =
          new CorsRequest(
              "https://api.example.com/v1/chat/completions",
              random.nextBoolean() ? "https://app.example.com" : "null",
              new String[] {"POST", "GET", "patch", "PUT", "DELETE"}[random.nextInt(5)],
              requestHeaders,
              random.nextBoolean() ? CredentialsMode.OMIT : CredentialsMode.INCLUDE);
      SentRequest sent =
          new SentRequest("OPTIONS", request.url(), "HTTP/1.1", List.of(), List.of());
      Exchange preflight =
          Exchange.ofResponse(
              sent,
              new RecordedResponse(status, "HTTP/1.1", headers, null, body, false),
              Instant.EPOCH,
              1);
      Exchange actual =
          random.nextBoolean()
              ? null
              : Exchange.ofResponse(
                  sent,
                  new RecordedResponse(200, "HTTP/1.1", headers, null, "", false),
                  Instant.EPOCH,
                  1);
      try {
        Verdict verdict = Grader.grade(request, preflight, actual);
        assertNotNull(verdict.outcome());
        for (EngineVerdict ev : verdict.engines().values()) {
          if (ev.outcome() == Outcome.FAIL) {
            assertTrue(!ev.causes().isEmpty(), "a FAIL names its cause");
            ev.causes().forEach(c -> assertTrue(!c.message().isBlank() && !c.fix().isBlank()));
          }
        }
      } catch (RuntimeException e) {
        fail(
            "case "
                + i
                + " threw for status "
                + status
                + " headers "
                + headers
                + " request "
                + request,
            e);
      }
    }
  }
}
