package dev.corsaudit.conformance;

import dev.corsaudit.browser.XvfbDisplay;
import dev.corsaudit.grade.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Runs every case once in one real browser: starts the page and target servers, launches the
 * browser on the page, waits until the page reports it is done (or the timeout passes), kills the
 * browser's whole process tree and turns the page's reports and the target's sightings into
 * observations.
 */
final class ConformanceRun {

  /**
   * @param finished true when the page reported that it ran every case before the timeout
   * @param log the browser's stdout and stderr, for diagnosing a run that did not finish
   */
  record Result(
      Browser browser,
      boolean finished,
      List<Observation> observations,
      String log,
      String pageOrigin) {}

  private ConformanceRun() {}

  static Result run(Browser browser, List<ConformanceCase> cases, Path workDir, Duration timeout)
      throws IOException, InterruptedException {
    String nonce = UUID.randomUUID().toString().substring(0, 8);
    try (TargetServer target = TargetServer.start(cases, nonce);
        PageServer page = PageServer.start(cases, target.baseUrl())) {
      target.pageOrigin(page.origin());
      Path profile = Files.createDirectories(workDir.resolve("profile"));
      Path home = Files.createDirectories(workDir.resolve("home"));
      Path log = workDir.resolve("browser.log");
      ProcessBuilder builder =
          new ProcessBuilder(browser.command(browser.binary().toString(), profile, page.pageUrl()))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().putAll(browser.environment(home));
      XvfbDisplay display = browser.needsDisplay() ? XvfbDisplay.start() : null;
      if (display != null) {
        builder.environment().put("DISPLAY", display.display());
      }
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        if (display != null) {
          display.close();
        }
        throw e;
      }
      boolean finished;
      BidiConsole bidi = null;
      try {
        if (browser.opensPageOverBidi()) {
          bidi = BidiConsole.attachAndOpen(log, page.pageUrl());
        }
        finished = page.awaitDone(timeout.toMillis());
        // Console lines can trail the page's last report by a moment.
        Thread.sleep(300);
      } finally {
        if (bidi != null) {
          bidi.close();
        }
        killTree(process);
        if (display != null) {
          display.close();
        }
      }
      String output = Files.readString(log, StandardCharsets.ISO_8859_1);
      List<String> messages =
          bidi != null
              ? bidi.lines()
              : browser == Browser.WEBKIT
                  ? ConsoleLines.fromWebKitLog(output)
                  : ConsoleLines.fromChromiumLog(output);
      Map<String, List<String>> console =
          ConsoleLines.byCase(messages, target.baseUrl(), target.secondBaseUrl(), page.origin());
      List<Observation> observations = new ArrayList<>();
      Map<String, BrowserReport> reports = page.reports();
      for (ConformanceCase c : cases) {
        BrowserReport report = reports.get(c.id());
        if (report != null) {
          observations.add(
              observe(
                  browser,
                  report,
                  target.sighting(c.id()),
                  console.get(c.id()),
                  hops(c, target, page.origin())));
        }
      }
      return new Result(browser, finished, observations, output, page.origin());
    }
  }

  /** What reached each redirect hop of {@code c}. */
  private static List<HopObservation> hops(ConformanceCase c, TargetServer target, String origin) {
    List<String> names =
        FetchRequestRules.headerList(c.request().headers()).stream()
            .map(h -> h.lowerName())
            .distinct()
            .toList();
    List<HopObservation> hops = new ArrayList<>();
    for (int n = 1; n <= c.redirects().size(); n++) {
      hops.add(HopObservation.of(target.sighting(c.id(), n), names, origin));
    }
    return hops;
  }

  private static Observation observe(
      Browser browser,
      BrowserReport report,
      TargetServer.Sighting seen,
      List<String> console,
      List<HopObservation> hops) {
    return new Observation(
        browser.key(),
        report.id(),
        report.ok() ? Outcome.PASS : Outcome.FAIL,
        report.error(),
        report.status(),
        report.headers(),
        seen.preflights(),
        seen.requestMethodHeader(),
        seen.requestHeadersHeader(),
        seen.actuals(),
        seen.actualMethod(),
        seen.actualOrigin(),
        console == null ? List.of() : console,
        hops);
  }

  // The launcher may be a shell script and browsers fork helpers: end every process of the tree we
  // started (snapshotted first, because children are re-parented once their parent dies).
  private static void killTree(Process process) throws InterruptedException {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    process.waitFor(5, TimeUnit.SECONDS);
  }
}
