package dev.corsaudit.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.corsaudit.fetch.BrowserRequests;
import dev.corsaudit.grade.Grader;
import dev.corsaudit.grade.Outcome;
import dev.corsaudit.grade.Verdict;
import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.RecordedResponse;
import dev.corsaudit.model.SentRequest;
import dev.corsaudit.policy.CorsPolicy;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The suggested fix: its exact headers and policy, and that a server answering it passes. */
class FixSuggestionTest {

  private static final String URL = "https://api.example.com/v1/chat/completions";

  private static CorsRequest request(
      String method, CredentialsMode credentials, HeaderLine... headers) {
    return new CorsRequest(URL, "https://app.example.com", method, List.of(headers), credentials);
  }

  private static HeaderLine h(String name, String value) {
    return new HeaderLine(name, value);
  }

  @Test
  void apiKeyRequestAllowsEveryOrigin() {
    FixSuggestion fix =
        FixSuggestion.forRequest(
            request(
                "post",
                CredentialsMode.OMIT,
                h("Authorization", "Bearer x"),
                h("Content-Type", "application/json"),
                h("X-Stainless-Timeout", "600")));
    assertEquals(
        List.of(
            h("Access-Control-Allow-Origin", "*"),
            h("Access-Control-Allow-Methods", "POST, OPTIONS"),
            h("Access-Control-Allow-Headers", "Authorization, Content-Type, X-Stainless-Timeout"),
            h("Access-Control-Max-Age", "86400")),
        fix.preflightHeaders());
    assertEquals(
        new CorsPolicy(
            List.of("*"),
            List.of("POST", "OPTIONS"),
            List.of("Authorization", "Content-Type", "X-Stainless-Timeout"),
            false,
            List.of(),
            86400),
        fix.policy());
  }

  @Test
  void credentialedRequestNamesTheOriginAndVaries() {
    FixSuggestion fix =
        FixSuggestion.forRequest(
            request("PUT", CredentialsMode.INCLUDE, h("x-api-key", "k"), h("X-API-Key", "again")));
    assertEquals(
        List.of(
            h("Access-Control-Allow-Origin", "https://app.example.com"),
            h("Access-Control-Allow-Credentials", "true"),
            h("Access-Control-Allow-Methods", "PUT, OPTIONS"),
            h("Access-Control-Allow-Headers", "x-api-key"),
            h("Access-Control-Max-Age", "86400"),
            h("Vary", "Origin")),
        fix.preflightHeaders());
    assertEquals(List.of("https://app.example.com"), fix.policy().allowOrigins());
    assertEquals(true, fix.policy().allowCredentials());
  }

  @Test
  void safelistedHeadersOnlyNeedNoAllowHeaders() {
    FixSuggestion fix =
        FixSuggestion.forRequest(
            request("OPTIONS", CredentialsMode.OMIT, h("Accept", "text/plain")));
    assertEquals(
        List.of(
            h("Access-Control-Allow-Origin", "*"),
            h("Access-Control-Allow-Methods", "OPTIONS"),
            h("Access-Control-Max-Age", "86400")),
        fix.preflightHeaders());
    assertEquals(List.of(), fix.policy().allowHeaders());
  }

  static Stream<CorsRequest> requests() {
    return Stream.of(
        request(
            "POST",
            CredentialsMode.OMIT,
            h("Authorization", "Bearer x"),
            h("Content-Type", "application/json")),
        request("DELETE", CredentialsMode.INCLUDE, h("X-Trace", "1")),
        request("PATCH", CredentialsMode.OMIT),
        request("GET", CredentialsMode.INCLUDE, h("Authorization", "Bearer x")));
    // Not here: a script-set User-Agent. The suggestion leaves it out of Allow-Headers (Chromium
    // drops it), so Firefox and the Fetch Standard still fail that request.
  }

  /** Answering the suggested headers passes in every engine and the Fetch Standard. */
  @ParameterizedTest
  @MethodSource("requests")
  void suggestedAnswerPassesEverywhere(CorsRequest request) {
    FixSuggestion fix = FixSuggestion.forRequest(request);
    SentRequest sent = new SentRequest("OPTIONS", URL, "HTTP/1.1", List.of(), List.of());
    RecordedResponse answer =
        new RecordedResponse(204, "HTTP/1.1", fix.preflightHeaders(), null, "", false);
    Exchange preflight = Exchange.ofResponse(sent, answer, Instant.EPOCH, 1);
    Verdict verdict =
        Grader.grade(
            request, BrowserRequests.plan(request).preflightNeeded() ? preflight : null, null);
    assertEquals(Outcome.PASS, verdict.outcome(), verdict.causes().toString());
    verdict
        .engines()
        .forEach(
            (engine, ev) ->
                assertEquals(Outcome.PASS, ev.outcome(), engine + " " + ev.causes().toString()));
  }
}
