package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.grade.RedirectHop;
import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.NetworkError;
import dev.corsaudit.model.NetworkErrorKind;
import dev.corsaudit.model.RecordedResponse;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditRun;
import dev.corsaudit.result.ReportDocument;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each redirect hop says what it got: its response, its failed preflight, no response (and why), or
 * that it was not sent; the JSON keeps where each hop went.
 */
class RedirectHopTest {

  private static final AuditResult ROW = ReportFixtures.seedRun().results().get(0);

  private static Exchange answered(int status) {
    return Exchange.ofResponse(
        ROW.preflight().request(),
        new RecordedResponse(status, "HTTP/1.1", List.of(), null, "", false),
        ReportFixtures.AT,
        3);
  }

  private static Exchange failed(NetworkErrorKind kind, String message) {
    return Exchange.ofError(
        ROW.preflight().request(), new NetworkError(kind, message), ReportFixtures.AT, 3);
  }

  private static RedirectHop hop(String path, Exchange preflight, Exchange response) {
    CorsRequest r = ROW.target().request();
    CorsRequest to =
        new CorsRequest(
            "https://moved.example" + path, "null", r.method(), r.headers(), r.credentials());
    return new RedirectHop(to, ROW.target().plans(), preflight, response);
  }

  private static AuditRun run() {
    List<RedirectHop> hops =
        List.of(
            hop("/ok", null, answered(200)),
            hop("/denied", answered(403), null),
            hop("/down", failed(NetworkErrorKind.CONNECT, "refused"), null),
            hop("/slow", null, failed(NetworkErrorKind.TIMEOUT, "no answer in 10 s")),
            hop("/never", null, null));
    AuditResult redirected =
        new AuditResult(
            ROW.target(),
            ROW.status(),
            ROW.preflight(),
            ROW.actual(),
            ROW.verdict(),
            null,
            List.of(),
            hops,
            null);
    return new AuditRun(ReportFixtures.VERSION, ReportFixtures.AT, false, List.of(redirected));
  }

  @Test
  void markdownSaysWhatEachHopGot() throws Exception {
    StringWriter out = new StringWriter();
    new MarkdownReport().render(run(), out);
    String md = out.toString();
    String to = "- **Redirected to:** `POST https://moved.example";
    assertTrue(md.contains(to + "/ok` (Origin: `null`) → 200 OK\n"), md);
    assertTrue(md.contains(to + "/denied` (Origin: `null`) → preflight 403 Forbidden\n"), md);
    assertTrue(
        md.contains(to + "/down` (Origin: `null`) → preflight no response (CONNECT: refused)\n"),
        md);
    assertTrue(
        md.contains(to + "/slow` (Origin: `null`) → no response (TIMEOUT: no answer in 10 s)\n"),
        md);
    assertTrue(md.contains(to + "/never` (Origin: `null`) → not sent\n"), md);
  }

  @Test
  void theJsonKeepsEachHop() {
    List<ReportDocument.Redirect> hops = ReportModel.document(run()).results().get(0).redirects();
    assertEquals(5, hops.size());
    assertEquals("https://moved.example/ok", hops.get(0).url());
    assertEquals("null", hops.get(0).origin());
    assertEquals(200, hops.get(0).response().status());
    assertEquals(403, hops.get(1).preflight().status());
    assertEquals(null, hops.get(4).response());
  }
}
