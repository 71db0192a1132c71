package dev.corsaudit.cli;

import dev.corsaudit.fetch.BrowserRequests;
import dev.corsaudit.probe.ProbeOptions;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How to talk to the network. */
public final class NetworkOptions {

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      description = "Preflights in flight at once (default: ${DEFAULT-VALUE}).")
  int concurrency = 32;

  @Option(
      names = "--per-host",
      paramLabel = "N",
      description =
          "Preflights in flight at once to one host, so one slow provider cannot starve the rest (default: ${DEFAULT-VALUE}).")
  int perHost = 8;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Per-request timeout, e.g. 10s, 500ms (default: 10s).")
  Duration timeout = Duration.ofSeconds(10);

  @Option(
      names = "--deadline",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Whole-run deadline; requests not started by then are ERROR/TIMEOUT.")
  Duration deadline;

  @Option(
      names = "--retries",
      paramLabel = "N",
      description =
          "Retries after a connection failure (never after a response) (default: ${DEFAULT-VALUE}).")
  int retries = 1;

  @Option(
      names = "--insecure",
      description = "Accept any TLS certificate. Opt-in, for test servers you trust only.")
  boolean insecure;

  @Option(
      names = "--cacert",
      paramLabel = "FILE",
      description =
          "Also trust the CA certificates in this PEM file (repeatable), e.g. a corporate proxy's"
              + " that intercepts TLS. Proxies come from HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and"
              + " NO_PROXY (lower case first, as curl); loopback is never proxied.")
  java.util.List<java.nio.file.Path> caCerts = new java.util.ArrayList<>();

  @Option(
      names = "--user-agent",
      paramLabel = "UA",
      description = "User-Agent of the preflight (default: a desktop Chrome's).")
  String userAgent = BrowserRequests.DEFAULT_USER_AGENT;

  ProbeOptions probeOptions() {
    if (concurrency < 1 || perHost < 1) {
      throw new dev.corsaudit.model.UserException(
          "--concurrency and --per-host must be at least 1");
    }
    if (retries < 0) {
      throw new dev.corsaudit.model.UserException("--retries must be 0 or more");
    }
    return ProbeOptions.defaults()
        .withConcurrency(concurrency)
        .withPerHostConcurrency(perHost)
        .withTimeout(timeout)
        .withDeadline(deadline)
        .withConnectRetries(retries)
        .withInsecure(insecure)
        .withRoute(route());
  }

  private dev.corsaudit.probe.NetworkRoute route() {
    dev.corsaudit.probe.NetworkRoute route =
        new dev.corsaudit.probe.NetworkRoute(Terminal.env, caCerts);
    for (java.nio.file.Path file : caCerts) {
      if (!java.nio.file.Files.isReadable(file)) {
        throw new dev.corsaudit.model.UserException(
            "--cacert " + file + ": no such file, or it cannot be read");
      }
    }
    try {
      route.sslContext();
    } catch (IllegalArgumentException e) {
      throw new dev.corsaudit.model.UserException(
          "--cacert: " + e.getMessage() + "; give PEM files (-----BEGIN CERTIFICATE-----)");
    }
    return route;
  }
}
