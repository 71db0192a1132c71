package dev.corsaudit.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The run diff on two JSON reports: which row changed how, and what the Markdown says. Reports are
 * built as JSON text (the contract both runs were written in); {@link #diff} is the one call into
 * the diff.
 */
class RunDiffTest {

  // ---- building reports as JSON text ----

  /** One result row of a JSON report. */
  record Row(
      String id,
      String name,
      String profile,
      String origin,
      String verdict,
      List<String[]> causes,
      String preflight) {

    Row verdict(String value) {
      return new Row(id, name, profile, origin, value, causes, preflight);
    }

    Row because(String... codeAndDetail) {
      List<String[]> list = new ArrayList<>();
      for (String c : codeAndDetail) {
        String[] parts = c.split(":", 2);
        list.add(new String[] {parts[0], parts.length > 1 ? parts[1] : null});
      }
      return new Row(id, name, profile, origin, verdict, list, preflight);
    }

    Row preflight(String json) {
      return new Row(id, name, profile, origin, verdict, causes, json);
    }

    Row origin(String value) {
      return new Row(id, name, profile, value, verdict, causes, preflight);
    }

    Row profile(String value) {
      return new Row(id, name, value, origin, verdict, causes, preflight);
    }

    Row name(String value) {
      return new Row(id, value, profile, origin, verdict, causes, preflight);
    }

    String json() {
      StringBuilder c = new StringBuilder();
      for (String[] cause : causes) {
        if (c.length() > 0) {
          c.append(',');
        }
        c.append("{\"code\":\"")
            .append(cause[0])
            .append("\",\"message\":\"m\",\"fix\":\"f\",\"detail\":")
            .append(cause[1] == null ? "null" : "\"" + cause[1] + "\"")
            .append('}');
      }
      return "{\"id\":\""
          + id
          + "\",\"name\":"
          + (name == null ? "null" : "\"" + name + "\"")
          + ",\"profile\":\""
          + profile
          + "\",\"origin\":\""
          + origin
          + "\",\"verdict\":\""
          + verdict
          + "\",\"causes\":["
          + c
          + "],\"preflight\":"
          + preflight
          + "}";
    }
  }

  static Row row(String id) {
    return new Row(id, "Name " + id, "fetch", "https://a.example", "PASS", List.of(), ok(204));
  }

  static String ok(int status, String... headerPairs) {
    StringBuilder h = new StringBuilder();
    for (int i = 0; i < headerPairs.length; i += 2) {
      if (h.length() > 0) {
        h.append(',');
      }
      h.append("[\"")
          .append(headerPairs[i])
          .append("\",\"")
          .append(headerPairs[i + 1])
          .append("\"]");
    }
    return "{\"status\":" + status + ",\"headers\":[" + h + "],\"error\":null}";
  }

  static String failed(String kind) {
    return "{\"status\":null,\"headers\":[],\"error\":{\"kind\":\""
        + kind
        + "\",\"message\":\"m\"}}";
  }

  static String report(Row... rows) {
    StringBuilder r = new StringBuilder("{" + TOOL + "\"schema_version\":1,\"results\":[");
    for (int i = 0; i < rows.length; i++) {
      if (i > 0) {
        r.append(',');
      }
      r.append(rows[i].json());
    }
    return r.append("]}").toString();
  }

  private static final String TOOL = "\"tool\":{\"name\":\"cors-audit\",\"version\":\"t\"},";

  /** The one call into the diff: two JSON reports in, the changes out. */
  static List<RowChange> diff(String oldReport, String newReport) {
    try {
      return RunDiff.compare(
          dev.corsaudit.report.ReportJson.read(oldReport),
          dev.corsaudit.report.ReportJson.read(newReport));
    } catch (RuntimeException e) {
      throw e;
    }
  }

  static RowChange only(Row before, Row after) {
    List<RowChange> changes = diff(report(before), report(after));
    assertEquals(1, changes.size(), changes.toString());
    return changes.get(0);
  }

  // ---- the kinds of change ----

  static Stream<Arguments> kinds() {
    Row pass = row("p");
    Row fail = pass.verdict("FAIL").because("MISSING_ALLOW_ORIGIN");
    Row error = pass.verdict("ERROR").because("CONNECT").preflight(failed("CONNECT"));
    return Stream.of(
        Arguments.of("pass to fail", pass, fail, RowChange.Kind.REGRESSION),
        Arguments.of("error to fail", error, fail, RowChange.Kind.REGRESSION),
        Arguments.of("skipped to fail", pass.verdict("SKIPPED"), fail, RowChange.Kind.REGRESSION),
        Arguments.of("pass to error", pass, error, RowChange.Kind.NEW_ERROR),
        Arguments.of("fail to error", fail, error, RowChange.Kind.NEW_ERROR),
        Arguments.of("fail to pass", fail, pass, RowChange.Kind.FIXED),
        Arguments.of("error to pass", error, pass, RowChange.Kind.FIXED),
        Arguments.of(
            "fail, other cause",
            fail,
            fail.because("ALLOW_ORIGIN_MISMATCH"),
            RowChange.Kind.CAUSES_CHANGED),
        Arguments.of(
            "fail, same cause other detail",
            fail.because("HEADER_NOT_ALLOWED:x-a"),
            fail.because("HEADER_NOT_ALLOWED:x-b"),
            RowChange.Kind.CAUSES_CHANGED),
        Arguments.of(
            "pass, header value changed",
            pass.preflight(ok(204, "Access-Control-Allow-Origin", "*")),
            pass.preflight(ok(204, "Access-Control-Allow-Origin", "https://a.example")),
            RowChange.Kind.HEADERS_CHANGED),
        Arguments.of(
            "pass, vary added",
            pass,
            pass.preflight(ok(204, "Vary", "Origin")),
            RowChange.Kind.HEADERS_CHANGED),
        Arguments.of(
            "pass, status changed", pass, pass.preflight(ok(200)), RowChange.Kind.HEADERS_CHANGED),
        Arguments.of(
            "error kind changed",
            error,
            error.preflight(failed("TIMEOUT")),
            RowChange.Kind.HEADERS_CHANGED),
        Arguments.of(
            "preflight gone", pass, pass.preflight("null"), RowChange.Kind.HEADERS_CHANGED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void kindOfChange(String name, Row before, Row after, RowChange.Kind kind) {
    assertEquals(kind, only(before, after).kind());
  }

  @Test
  void unrelatedHeadersAndSameRowsAreNoChange() {
    Row pass = row("p").preflight(ok(204, "Access-Control-Allow-Origin", "*"));
    Row noisy =
        pass.preflight(
            ok(204, "Access-Control-Allow-Origin", "*", "Date", "today", "X-Request-Id", "1"));
    assertEquals(List.of(), diff(report(pass), report(noisy)));
    assertEquals(List.of(), diff(report(pass), report(pass)));
    // The display name is not part of the key.
    assertEquals(List.of(), diff(report(pass), report(pass.name("Renamed"))));
  }

  @Test
  void headerNamesCompareCaseInsensitively() {
    Row lower = row("p").preflight(ok(204, "access-control-allow-origin", "*"));
    Row upper = row("p").preflight(ok(204, "Access-Control-Allow-Origin", "*"));
    assertEquals(List.of(), diff(report(lower), report(upper)));
  }

  @Test
  void regressionCarriesVerdictsStatusesAndCauses() {
    Row before = row("p").preflight(ok(204, "Access-Control-Allow-Origin", "*"));
    Row after =
        row("p").verdict("FAIL").because("PREFLIGHT_STATUS", "SPA_FALLBACK").preflight(ok(404));
    RowChange change = only(before, after);
    assertEquals(new RowKey("p", "fetch", "https://a.example"), change.key());
    assertEquals("Name p", change.name());
    assertEquals("PASS", change.oldVerdict());
    assertEquals("FAIL", change.newVerdict());
    assertEquals("204", change.oldStatus());
    assertEquals("404", change.newStatus());
    assertEquals(List.of("PREFLIGHT_STATUS", "SPA_FALLBACK"), change.addedCauses());
    assertEquals(List.of(), change.removedCauses());
    assertEquals(List.of(), change.addedHeaders());
    assertEquals(List.of("access-control-allow-origin: *"), change.removedHeaders());
    assertTrue(RunDiff.hasRegression(List.of(change)));
  }

  @Test
  void fixCarriesCausesGoneAndHeadersNowSent() {
    Row before = row("p").verdict("FAIL").because("HEADER_NOT_ALLOWED:x-a").preflight(ok(204));
    Row after = row("p").preflight(ok(204, "Access-Control-Allow-Headers", "x-a"));
    RowChange change = only(before, after);
    assertEquals(RowChange.Kind.FIXED, change.kind());
    assertEquals(List.of("HEADER_NOT_ALLOWED:x-a"), change.removedCauses());
    assertEquals(List.of(), change.addedCauses());
    assertEquals(List.of("access-control-allow-headers: x-a"), change.addedHeaders());
    assertFalse(RunDiff.hasRegression(List.of(change)));
  }

  @Test
  void errorStatusIsTheErrorKindAndMissingPreflightIsADash() {
    Row before = row("p").verdict("ERROR").preflight(failed("DNS"));
    Row after = row("p").preflight("null");
    RowChange change = only(before, after);
    assertEquals("DNS", change.oldStatus());
    assertEquals("-", change.newStatus());
  }

  @Test
  void addedAndRemovedRowsByKey() {
    Row kept = row("kept");
    Row gone = row("gone").verdict("FAIL");
    Row otherOrigin = row("kept").origin("https://b.example");
    Row otherProfile = row("kept").profile("openai-sdk").verdict("ERROR");
    List<RowChange> changes = diff(report(kept, gone), report(kept, otherOrigin, otherProfile));
    assertEquals(3, changes.size(), changes.toString());
    RowChange added1 = changes.get(0);
    RowChange added2 = changes.get(1);
    RowChange removed = changes.get(2);
    assertEquals(RowChange.Kind.ADDED, added1.kind());
    assertEquals(new RowKey("kept", "fetch", "https://b.example"), added1.key());
    assertNull(added1.oldVerdict());
    assertNull(added1.oldStatus());
    assertEquals("PASS", added1.newVerdict());
    assertEquals("204", added1.newStatus());
    assertEquals(RowChange.Kind.ADDED, added2.kind());
    assertEquals(new RowKey("kept", "openai-sdk", "https://a.example"), added2.key());
    assertEquals(RowChange.Kind.REMOVED, removed.kind());
    assertEquals(new RowKey("gone", "fetch", "https://a.example"), removed.key());
    assertEquals("FAIL", removed.oldVerdict());
    assertNull(removed.newVerdict());
    assertNull(removed.newStatus());
    assertEquals("Name gone", removed.name());
    assertFalse(RunDiff.hasRegression(changes));
  }

  @Test
  void changesAreSortedByImportance() {
    Row a = row("a");
    Row b = row("b").verdict("FAIL");
    Row c = row("c");
    Row d = row("d").verdict("FAIL").because("X");
    List<RowChange> changes =
        diff(
            report(a, b, c, d, row("gone")),
            report(
                row("new"),
                a.preflight(ok(200)),
                b.verdict("PASS"),
                c.verdict("FAIL"),
                d.because("Y")));
    assertEquals(
        List.of(
            RowChange.Kind.REGRESSION,
            RowChange.Kind.FIXED,
            RowChange.Kind.CAUSES_CHANGED,
            RowChange.Kind.HEADERS_CHANGED,
            RowChange.Kind.ADDED,
            RowChange.Kind.REMOVED),
        changes.stream().map(RowChange::kind).toList());
    assertEquals("c", changes.get(0).key().id());
  }

  @Test
  void emptyReportsHaveNoChanges() {
    assertEquals(
        List.of(), diff("{" + TOOL + "\"schema_version\":2}", "{" + TOOL + "\"results\":[]}"));
    assertFalse(RunDiff.hasRegression(List.of()));
  }

  // ---- the Markdown ----

  @Test
  void markdownOfNoChanges() {
    assertEquals(
        "# cors-audit diff\n\n`old.json` → `new.json`\n\nNo changes.\n",
        DiffRenderer.markdown("old.json", "new.json", List.of()));
  }

  @Test
  void markdownNamesEveryChange() {
    Row a = row("a").preflight(ok(204, "Access-Control-Allow-Origin", "*"));
    Row b = row("b").verdict("FAIL").because("MISSING_ALLOW_ORIGIN").preflight(ok(404));
    Row c = row("c").name(null);
    Row e = row("e").name("");
    Row s = row("s");
    List<RowChange> changes =
        diff(
            report(a, b, c, e, s, row("gone")),
            report(
                row("new").verdict("FAIL").preflight(ok(403)),
                a.verdict("FAIL").because("ALLOW_ORIGIN_MISMATCH").preflight(ok(204)),
                b.verdict("PASS").because().preflight(ok(404, "Access-Control-Allow-Origin", "*")),
                c.verdict("ERROR").preflight(failed("TIMEOUT")),
                e.preflight(ok(204, "Vary", "Origin")),
                s.verdict("FAIL").because("SPA_FALLBACK")));
    String md = DiffRenderer.markdown("old.json", "new.json", changes);
    assertEquals(
        "# cors-audit diff\n\n"
            + "`old.json` → `new.json`\n\n"
            + "2 regression(s), 1 new error(s), 1 fixed, 1 with changed headers, 1 added,"
            + " 1 removed\n\n"
            + "- **REGRESSION** Name a (fetch @ https://a.example): PASS → FAIL; new causes:"
            + " ALLOW_ORIGIN_MISMATCH; headers no longer sent: `access-control-allow-origin: *`\n"
            + "- **REGRESSION** Name s (fetch @ https://a.example): PASS → FAIL; new causes:"
            + " SPA_FALLBACK\n"
            + "- **NEW_ERROR** c (fetch @ https://a.example): PASS → ERROR, status 204 →"
            + " TIMEOUT\n"
            + "- **FIXED** Name b (fetch @ https://a.example): FAIL → PASS; causes gone:"
            + " MISSING_ALLOW_ORIGIN; headers now sent: `access-control-allow-origin: *`\n"
            + "- **HEADERS_CHANGED** e (fetch @ https://a.example): PASS → PASS; headers now"
            + " sent: `vary: Origin`\n"
            + "- **ADDED** Name new (fetch @ https://a.example): new row, FAIL (403)\n"
            + "- **REMOVED** Name gone (fetch @ https://a.example): row no longer audited (was"
            + " PASS)\n",
        md);
  }

  @Test
  void markdownListsSeveralHeadersAndCausesJoined() {
    Row before =
        row("p")
            .verdict("FAIL")
            .because("A", "B")
            .preflight(ok(204, "Access-Control-Allow-Origin", "*", "Vary", "Origin"));
    Row after =
        row("p")
            .verdict("FAIL")
            .because("C", "D")
            .preflight(
                ok(204, "Access-Control-Allow-Methods", "POST", "Access-Control-Max-Age", "5"));
    String md = DiffRenderer.markdown("o", "n", diff(report(before), report(after)));
    assertTrue(
        md.endsWith(
            "- **CAUSES_CHANGED** Name p (fetch @ https://a.example): FAIL → FAIL; new causes: C,"
                + " D; causes gone: A, B; headers now sent: `access-control-allow-methods: POST`,"
                + " `access-control-max-age: 5`; headers no longer sent:"
                + " `access-control-allow-origin: *`, `vary: Origin`\n"),
        md);
    assertTrue(md.contains("1 with changed causes\n"), md);
  }

  @Test
  void causesAndHeadersKeptOnBothSidesAreNeitherNewNorGone() {
    Row before =
        row("p")
            .verdict("FAIL")
            .because("A", "B")
            .preflight(ok(204, "Vary", "Origin", "Access-Control-Allow-Methods", "GET"));
    Row after =
        row("p")
            .verdict("FAIL")
            .because("B", "C")
            .preflight(ok(204, "Vary", "Origin", "Access-Control-Allow-Methods", "POST"));
    RowChange change = only(before, after);
    assertEquals(List.of("C"), change.addedCauses());
    assertEquals(List.of("A"), change.removedCauses());
    assertEquals(List.of("access-control-allow-methods: POST"), change.addedHeaders());
    assertEquals(List.of("access-control-allow-methods: GET"), change.removedHeaders());
  }

  @Test
  void rowKeyReadsLikeTheReport() {
    assertEquals(
        "openrouter (fetch @ https://a.example)",
        new RowKey("openrouter", "fetch", "https://a.example").toString());
  }
}
