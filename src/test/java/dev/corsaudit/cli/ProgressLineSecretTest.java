package dev.corsaudit.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.config.Provider;
import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.RecordedResponse;
import dev.corsaudit.model.SentRequest;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditTarget;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The progress line (stderr on a terminal) names the slowest provider by id, never its URL. */
class ProgressLineSecretTest {

  @Test
  void slowestHostHasNoUserinfo() {
    String url = "https://user:CANARY-pw-1234@api.example.com:8443/v1?key=CANARY-q-5678";
    Provider provider = Provider.builder("p", url).name("P").path("").build();
    CorsRequest request =
        new CorsRequest(url, "https://example.com", "POST", List.of(), CredentialsMode.OMIT);
    Exchange preflight =
        Exchange.ofResponse(
            new SentRequest("OPTIONS", url, "HTTP/1.1", List.of(), List.of()),
            new RecordedResponse(204, "HTTP/1.1", List.of(), null, "", false),
            Instant.EPOCH,
            1234);
    StringWriter err = new StringWriter();
    ProgressLine line = new ProgressLine(new PrintWriter(err), 200, 8);
    line.started(1);
    line.finished(
        AuditResult.graded(
            new AuditTarget(
                0,
                provider,
                "fetch",
                request,
                dev.corsaudit.grade.RequestPlans.of(request),
                url,
                null),
            preflight,
            null,
            dev.corsaudit.grade.Grader.grade(request, preflight, null)));
    line.clear();
    // The provider's id, not its URL: no userinfo, and no replica port either.
    assertTrue(err.toString().contains("slowest: p 1234 ms"), err.toString());
    assertFalse(err.toString().contains("CANARY"), err.toString());
  }
}
