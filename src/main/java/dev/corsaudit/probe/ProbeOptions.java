package dev.corsaudit.probe;

import java.time.Duration;

/**
 * How the probe talks to the network.
 *
 * @param concurrency requests in flight at once, overall
 * @param perHostConcurrency requests in flight at once to one host:port, so one slow provider
 *     cannot take every slot
 * @param timeout per request: connect, headers and the body head together
 * @param connectRetries extra attempts after a connection failure (never after a response)
 * @param deadline the whole run's budget, or null; requests not started in time become TIMEOUT
 * @param insecure accept any TLS certificate (opt-in, for test servers)
 * @param bodyHeadBytes how much of a body to keep as evidence
 * @param route the proxies and extra CA certificates
 */
public record ProbeOptions(
    int concurrency,
    int perHostConcurrency,
    Duration timeout,
    int connectRetries,
    Duration deadline,
    boolean insecure,
    int bodyHeadBytes,
    NetworkRoute route) {

  public static ProbeOptions defaults() {
    return new ProbeOptions(
        32, 8, Duration.ofSeconds(10), 1, null, false, 4096, NetworkRoute.DIRECT);
  }

  public ProbeOptions withConcurrency(int value) {
    return new ProbeOptions(
        value,
        perHostConcurrency,
        timeout,
        connectRetries,
        deadline,
        insecure,
        bodyHeadBytes,
        route);
  }

  public ProbeOptions withPerHostConcurrency(int value) {
    return new ProbeOptions(
        concurrency, value, timeout, connectRetries, deadline, insecure, bodyHeadBytes, route);
  }

  public ProbeOptions withTimeout(Duration value) {
    return new ProbeOptions(
        concurrency,
        perHostConcurrency,
        value,
        connectRetries,
        deadline,
        insecure,
        bodyHeadBytes,
        route);
  }

  public ProbeOptions withConnectRetries(int value) {
    return new ProbeOptions(
        concurrency, perHostConcurrency, timeout, value, deadline, insecure, bodyHeadBytes, route);
  }

  public ProbeOptions withDeadline(Duration value) {
    return new ProbeOptions(
        concurrency,
        perHostConcurrency,
        timeout,
        connectRetries,
        value,
        insecure,
        bodyHeadBytes,
        route);
  }

  public ProbeOptions withInsecure(boolean value) {
    return new ProbeOptions(
        concurrency,
        perHostConcurrency,
        timeout,
        connectRetries,
        deadline,
        value,
        bodyHeadBytes,
        route);
  }

  public ProbeOptions withBodyHeadBytes(int value) {
    return new ProbeOptions(
        concurrency, perHostConcurrency, timeout, connectRetries, deadline, insecure, value, route);
  }

  public ProbeOptions withRoute(NetworkRoute value) {
    return new ProbeOptions(
        concurrency,
        perHostConcurrency,
        timeout,
        connectRetries,
        deadline,
        insecure,
        bodyHeadBytes,
        value);
  }
}
