package dev.corsaudit.browser;

import dev.corsaudit.model.CorsRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * WebKitGTK's MiniBrowser (Debian's webkit2gtk-driver package) on its own Xvfb display. MiniBrowser
 * has no remote protocol that shows the console, so each row is one plain MiniBrowser process with
 * its console on stdout: it opens the stand-in page at the row's origin through {@link PageProxy}
 * (which answers for that origin, https included, and passes everything else through), the page
 * runs the fetch and logs the outcome, and the process ends.
 */
final class WebKitConfirmer implements Confirmer {

  static final String BINARY = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String RESULT = "CORS-AUDIT-RESULT ";
  // "CONSOLE SECURITY ERROR message", optionally after "url:line:col: ".
  private static final Pattern CONSOLE =
      Pattern.compile("^(?:\\S+:\\d+:\\d+: )?CONSOLE (\\S+) (\\S+) (.*)$");

  private final XvfbDisplay display;
  private final PageProxy proxy;
  private final Path home;
  private final String version;

  private WebKitConfirmer(XvfbDisplay display, PageProxy proxy, Path home, String version) {
    this.display = display;
    this.proxy = proxy;
    this.home = home;
    this.version = version;
  }

  /** The binary, overridable with -Dbrowsers.webkit=... */
  static Path binary() {
    return Path.of(System.getProperty("browsers.webkit", BINARY));
  }

  static WebKitConfirmer start() throws IOException {
    if (!Files.isExecutable(binary())) {
      throw new IOException(
          binary()
              + " is not installed; install Debian's webkit2gtk-driver package"
              + " (apt-get install webkit2gtk-driver xvfb xauth)");
    }
    Path home = Files.createTempDirectory("cors-audit-webkit");
    XvfbDisplay display = null;
    PageProxy proxy = null;
    try {
      display = XvfbDisplay.start();
      proxy = PageProxy.start(home);
      return new WebKitConfirmer(display, proxy, home, version());
    } catch (IOException | RuntimeException e) {
      if (proxy != null) {
        proxy.close();
      }
      if (display != null) {
        display.close();
      }
      delete(home);
      throw e;
    }
  }

  @Override
  public BrowserConfirmation confirm(CorsRequest request, String url, byte[] body) {
    try {
      URI origin = URI.create(request.origin());
      String targetHost = URI.create(url).getHost();
      String page = proxy.serve(request.origin(), pageHtml(request, url, body));
      List<String> command = new ArrayList<>();
      command.add(binary().toString());
      command.add("--enable-write-console-messages-to-stdout=true");
      command.add("--proxy=" + proxy.url());
      if (targetHost != null && !targetHost.equalsIgnoreCase(origin.getHost())) {
        // The API is reached directly, as without a proxy; only the page's origin is stood in.
        command.add("--ignore-host=" + targetHost);
      }
      if (origin.getScheme().equals("https")) {
        command.add("--ignore-tls-errors"); // the stand-in page's certificate is self-signed
      }
      command.add(page);
      String log = run(command);
      return parse(log, url);
    } catch (IOException e) {
      return new BrowserConfirmation("webkit", version, "ERROR", e.getMessage(), List.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new BrowserConfirmation("webkit", version, "ERROR", "interrupted", List.of());
    }
  }

  /** The page logs one result line once the fetch settles (after WebKit's own console lines). */
  private static String pageHtml(CorsRequest request, String url, byte[] body) {
    String script = FetchScript.of(request, url, body);
    return FetchScript.PAGE_HTML
        + "<script>"
        + script
        + ".then(v => setTimeout(() => console.log('"
        + RESULT
        + "' + v), 100));</script>";
  }

  private String run(List<String> command) throws IOException, InterruptedException {
    Path log = Files.createTempFile(home, "minibrowser", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    Path runtime = home.resolve("run");
    if (!Files.isDirectory(runtime)) {
      Files.createDirectories(runtime);
      Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
    }
    // A throw-away HOME and XDG directories: no disk cache, HSTS store or CacheStorage survives.
    builder.environment().put("DISPLAY", display.display());
    builder.environment().put("HOME", home.toString());
    builder.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
    builder.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
    builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
    builder.environment().put("XDG_RUNTIME_DIR", runtime.toString());
    builder.environment().put("NO_AT_BRIDGE", "1");
    Process process = builder.start();
    try {
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (System.nanoTime() < deadline && process.isAlive()) {
        if (Files.readString(log, StandardCharsets.ISO_8859_1).contains(RESULT)) {
          break;
        }
        Thread.sleep(50);
      }
    } finally {
      stop(process);
    }
    String out = Files.readString(log, StandardCharsets.ISO_8859_1);
    Files.deleteIfExists(log);
    return out;
  }

  private BrowserConfirmation parse(String log, String url) {
    List<String> console = new ArrayList<>();
    String result = null;
    for (String line : log.split("\\R")) {
      Matcher m = CONSOLE.matcher(line);
      if (!m.matches()) {
        continue;
      }
      String message = m.group(3);
      int at = line.indexOf(RESULT);
      if (at >= 0) {
        result = line.substring(at + RESULT.length());
      } else if (!m.group(1).equals("LOG") && !message.startsWith(RESULT)) {
        console.add(message);
      }
    }
    if (result == null) {
      return new BrowserConfirmation(
          "webkit",
          version,
          "ERROR",
          "MiniBrowser reported no result for " + url + " within " + TIMEOUT.toSeconds() + "s",
          console);
    }
    if (console.stream().anyMatch(line -> line.contains("requested insecure content"))) {
      // Not a CORS outcome, and cors-audit's verdicts do not model it: say so rather than FAIL.
      return new BrowserConfirmation(
          "webkit",
          version,
          "ERROR",
          "WebKit blocked the https page's request to an http:// URL as mixed content, before any"
              + " CORS check (loopback included, unlike Chromium); confirm an https origin against"
              + " an https URL, or use an http origin",
          console);
    }
    return new BrowserConfirmation(
        "webkit",
        version,
        result.startsWith("PASS") ? "PASS" : "FAIL",
        result.length() > 5 ? result.substring(5) : result,
        console);
  }

  // MiniBrowser forks a web process and a network process: end the whole tree we started. The
  // profile is thrown away, so there is nothing to shut down cleanly; SIGTERM took ~2 s per row.
  private static void stop(Process process) throws InterruptedException {
    List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
    tree.add(process.toHandle());
    tree.forEach(ProcessHandle::destroyForcibly);
    // Only MiniBrowser is ours to reap; its killed helpers are reaped by init.
    process.waitFor(5, TimeUnit.SECONDS);
  }

  /** "WebKitGTK 2.50.6" from Debian's package database, or just "WebKitGTK". */
  private static String version() {
    try {
      Process p =
          new ProcessBuilder("dpkg-query", "-W", "-f=${Version}", "libwebkit2gtk-4.1-0")
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty()) {
        return "WebKitGTK " + out.replaceAll("-.*", "").toLowerCase(Locale.ROOT);
      }
    } catch (IOException e) {
      // not a Debian system: no version to show
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "WebKitGTK";
  }

  @Override
  public void close() {
    proxy.close();
    display.close();
    delete(home);
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
