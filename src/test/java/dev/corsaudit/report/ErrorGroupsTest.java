package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.config.Provider;
import dev.corsaudit.grade.CauseCode;
import dev.corsaudit.grade.Grader;
import dev.corsaudit.grade.RequestPlans;
import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.NetworkError;
import dev.corsaudit.model.NetworkErrorKind;
import dev.corsaudit.model.SentRequest;
import dev.corsaudit.result.AuditResult;
import dev.corsaudit.result.AuditTarget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shared network errors are said once per kind; the link helpers of the page stay safe. */
class ErrorGroupsTest {

  private static AuditResult failed(int seq, NetworkErrorKind kind) {
    String url = "https://p" + seq + ".invalid/v1/chat/completions";
    Provider provider =
        ScenarioFixtures.provider("p" + seq, "P" + seq, "https://p" + seq + ".invalid/v1", false);
    CorsRequest request =
        new CorsRequest(
            url, "https://a.example", "POST", ScenarioFixtures.FETCH, CredentialsMode.OMIT);
    Exchange error =
        Exchange.ofError(
            new SentRequest("OPTIONS", url, "HTTP/1.1", List.of(), List.of()),
            new NetworkError(kind, kind + " failure"),
            Instant.EPOCH,
            1);
    AuditTarget target =
        new AuditTarget(seq, provider, "fetch", request, RequestPlans.of(request), url, null);
    return AuditResult.graded(target, error, null, Grader.grade(request, error, null));
  }

  @Test
  void twoOrMoreRowsWithOneErrorKindAreOneGroup() {
    List<AuditResult> rows = new ArrayList<>();
    rows.add(failed(0, NetworkErrorKind.DNS));
    rows.add(failed(1, NetworkErrorKind.CONNECT));
    rows.add(failed(2, NetworkErrorKind.DNS));
    rows.add(failed(3, NetworkErrorKind.DNS));
    List<ErrorGroups.Group> groups = ErrorGroups.of(rows);
    assertEquals(1, groups.size(), "a lone CONNECT is no group");
    ErrorGroups.Group dns = groups.get(0);
    assertEquals(CauseCode.DNS, dns.code());
    assertEquals(3, dns.rows());
    assertEquals(List.of(1, 3, 4), dns.firstRows());
    assertEquals("3 rows (#1, #3, #4): no host resolved: is the network up?", dns.headline());
    assertTrue(ErrorGroups.grouped(groups, rows.get(0).verdict().causes().get(0)));
    assertFalse(ErrorGroups.grouped(groups, rows.get(1).verdict().causes().get(0)));
    String md = ErrorGroups.markdown(groups);
    assertTrue(md.startsWith("> **3 rows (#1, #3, #4): no host resolved"), md);
    assertTrue(md.contains("** Fix: "), md);
  }

  @Test
  void otherKindsNameTheirCodeAndLongListsAreCut() {
    List<AuditResult> rows = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      rows.add(failed(i, NetworkErrorKind.TIMEOUT));
    }
    ErrorGroups.Group group = ErrorGroups.of(rows).get(0);
    assertTrue(group.headline().startsWith("14 rows (#1, #2,"), group.headline());
    assertTrue(group.headline().contains("#12, …): TIMEOUT: "), group.headline());
    assertFalse(group.headline().contains("#13"), group.headline());
    assertEquals(14, group.rows());
    assertEquals(
        ErrorGroups.SHOWN, group.firstRows().size(), "only the numbers the line names are kept");
  }

  @Test
  void twelveRowsAreAllListed() {
    List<AuditResult> rows = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      rows.add(failed(i, NetworkErrorKind.TIMEOUT));
    }
    String headline = ErrorGroups.of(rows).get(0).headline();
    assertTrue(headline.startsWith("12 rows (#1, #2,"), headline);
    assertTrue(headline.contains(", #12): TIMEOUT: "), headline);
  }

  @Test
  void noSharedErrorNoGroups() {
    assertEquals(List.of(), ErrorGroups.of(List.of(failed(0, NetworkErrorKind.TLS))));
    assertEquals(
        "", ErrorGroups.markdown(ErrorGroups.of(List.of(failed(0, NetworkErrorKind.TLS)))));
  }

  @Test
  void linksAreHttpOnlyAndAnchorsPlain() {
    assertEquals("https://x.example/a?b=1&amp;c=2", Html.href(" https://x.example/a?b=1&c=2 "));
    assertEquals("http://x.example/", Html.href("HTTP://x.example/".toLowerCase()));
    assertNull(Html.href("javascript:alert(1)"));
    assertNull(Html.href("data:text/html,x"));
    assertNull(Html.href(null));
    assertEquals("openai-sdk--3", Html.anchor("OpenAI SDK #3"));
    assertEquals("&lt;b&gt;", Html.escape("<b>"));
  }
}
