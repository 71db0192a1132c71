package dev.corsaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.result.ReportDocument;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every row of the report is one cell of the page, with each engine's verdict as a word. */
class CompatibilityPageCellsTest {

  private static final ReportDocument LATEST = ReportModel.document(ReportFixtures.seedRun());

  private static ReportDocument withVerdict(ReportDocument doc, String id, String verdict) {
    List<ReportDocument.Row> rows =
        doc.results().stream()
            .map(
                r ->
                    !r.id().equals(id)
                        ? r
                        : new ReportDocument.Row(
                            r.id(),
                            r.name(),
                            r.path(),
                            r.profile(),
                            r.url(),
                            r.probeUrl(),
                            r.origin(),
                            r.method(),
                            r.credentials(),
                            r.requestHeaders(),
                            verdict,
                            r.skipReason(),
                            r.causes(),
                            r.warnings(),
                            r.engines(),
                            r.preflightNeeded(),
                            r.readableResponseHeaders(),
                            r.preflight(),
                            r.enginePreflights(),
                            r.actual(),
                            r.redirects(),
                            r.notes(),
                            r.models(),
                            r.tracking(),
                            r.browserConfirmation(),
                            r.lastGraded()))
            .toList();
    return new ReportDocument(
        doc.tool(),
        doc.schemaVersion(),
        doc.replicas(),
        doc.insecure(),
        rows,
        "2026-11-20T03:00:00Z",
        doc.complete(),
        doc.summary(),
        doc.securityProbed(),
        doc.findings(),
        doc.shard());
  }

  @Test
  void everyRowIsACellWithItsVerdict() {
    String page = CompatibilityPage.render(LATEST, List.of());
    Matcher cells =
        Pattern.compile("<td data-row-key=\"([^\"]*)\" data-verdict=\"([A-Z]+)\"").matcher(page);
    int n = 0;
    while (cells.find()) {
      n++;
    }
    long graded = LATEST.results().stream().filter(r -> !r.verdict().equals("SKIPPED")).count();
    assertTrue(n >= graded, n + " cells for " + graded + " graded rows");
    assertTrue(page.contains("data-verdict=\"FAIL\""), "a failing cell");
    assertTrue(
        page.contains("<span class=\"word\">FAIL</span>"), "verdicts as words, not colour only");
    assertTrue(page.contains("<table"), "table semantics");
    assertFalse(page.contains("<script"), "no scripts");
    assertFalse(page.contains("src=\"http"), "nothing loaded from elsewhere");
  }

  @Test
  void aChangedCellIsDatedAndTheStripShowsEachNight() {
    ReportDocument earlier = withVerdict(LATEST, "nvidia-nim", "PASS");
    String page =
        CompatibilityPage.render(
            LATEST, List.of(new CompatibilityPage.Night("2026-11-20", earlier)));
    assertTrue(page.contains("2026-11-20: PASS"), "the strip has the earlier night");
    assertTrue(page.contains("class=\"since\""), "cells say since when");
    assertEquals(page.indexOf("class=\"strip\"") >= 0, true, "a history strip per provider");
  }
}
