package dev.corsaudit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The performance harness (run with {@code mvn -B -Pbench package -DskipTests}): audits N endpoints
 * on a loopback server with a fixed latency by running the real jar in a child JVM, so JVM start,
 * YAML loading, probing, grading and rendering are all in the figure.
 *
 * <p>Arguments (all optional): {@code sizes=100,1000,10000 concurrency=16,64,256 latency=100
 * zero=1000,10000 heap=256m jar=target/cors-audit.jar jvm=-XX:TieredStopAtLevel=1,-XX:+UseSerialGC
 * zero-url=http://127.0.0.1:PORT} (zero-url points the 0 ms rows at an external server such as
 * nginx, so the server does not compete with the client for the two cores).
 */
public final class Benchmark {

  private static final Pattern GC_HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\(\\d+M\\)");

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.parse(args);
    Path work = Files.createTempDirectory("cors-audit-bench");
    System.out.println(
        "| endpoints | latency | concurrency | wall (s) | preflights/s | latency bound (s) | ratio | peak heap (MiB) |");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
    try (LatencyServer slow = LatencyServer.start(Duration.ofMillis(settings.latencyMs), 512)) {
      for (int n : settings.sizes) {
        for (int c : settings.concurrency) {
          row(settings, work, slow.baseUrl(), n, c, settings.latencyMs);
        }
      }
    }
    if (settings.zeroUrl != null) {
      for (int n : settings.zeroSizes) {
        row(settings, work, settings.zeroUrl, n, 64, 0);
      }
      return;
    }
    try (LatencyServer fast = LatencyServer.start(Duration.ZERO, 4)) {
      for (int n : settings.zeroSizes) {
        row(settings, work, fast.baseUrl(), n, 64, 0);
      }
    }
  }

  private static void row(
      Settings settings, Path work, String baseUrl, int n, int concurrency, long latencyMs)
      throws IOException, InterruptedException {
    Path providers = work.resolve("providers-" + n + ".yaml");
    Files.writeString(providers, providersYaml(baseUrl, n));
    Path gcLog = work.resolve("gc-" + n + "-" + concurrency + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + settings.heap);
    command.addAll(settings.jvm);
    command.add("-Xlog:gc:file=" + gcLog);
    command.add("-jar");
    command.add(settings.jar);
    command.addAll(
        List.of(
            "check",
            "--providers",
            providers.toString(),
            "--concurrency",
            String.valueOf(concurrency),
            "--per-host",
            String.valueOf(concurrency),
            "--timeout",
            "30s",
            "--format",
            "json",
            "--output",
            work.resolve("out.json").toString(),
            "--quiet"));
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] output = process.getInputStream().readAllBytes();
    int exit = process.waitFor();
    double wallSeconds = (System.nanoTime() - start) / 1e9;
    if (exit != 0) {
      System.out.println("run failed with exit " + exit + ": " + new String(output).strip());
      return;
    }
    double bound = n * (latencyMs / 1000.0) / concurrency;
    System.out.printf(
        Locale.ROOT,
        "| %d | %d ms | %d | %.2f | %.0f | %s | %s | %s |%n",
        n,
        latencyMs,
        concurrency,
        wallSeconds,
        n / wallSeconds,
        latencyMs == 0 ? "–" : String.format(Locale.ROOT, "%.2f", bound),
        latencyMs == 0 ? "–" : String.format(Locale.ROOT, "%.2f×", wallSeconds / bound),
        peakHeapMiB(gcLog));
  }

  /** The largest heap occupancy before any collection, from the unified GC log. */
  static String peakHeapMiB(Path gcLog) throws IOException {
    if (!Files.exists(gcLog)) {
      return "?";
    }
    long peak = -1;
    for (String line : Files.readAllLines(gcLog)) {
      Matcher m = GC_HEAP.matcher(line);
      while (m.find()) {
        peak = Math.max(peak, Long.parseLong(m.group(1)));
      }
    }
    return peak < 0 ? "< first GC" : Long.toString(peak);
  }

  static String providersYaml(String baseUrl, int n) {
    StringBuilder yaml = new StringBuilder("providers:\n");
    for (int i = 0; i < n; i++) {
      yaml.append("  - id: p")
          .append(i)
          .append("\n    name: Endpoint ")
          .append(i)
          .append("\n    base_url: ")
          .append(baseUrl)
          .append("/p")
          .append(i)
          .append('\n');
    }
    return yaml.toString();
  }

  private record Settings(
      List<Integer> sizes,
      List<Integer> concurrency,
      List<Integer> zeroSizes,
      long latencyMs,
      String heap,
      String jar,
      List<String> jvm,
      String zeroUrl) {

    static Settings parse(String[] args) {
      List<Integer> sizes = List.of(100, 1000, 10000);
      List<Integer> concurrency = List.of(16, 64, 256);
      List<Integer> zero = List.of(1000, 10000);
      long latency = 100;
      String heap = "256m";
      String jar = "target/cors-audit.jar";
      List<String> jvm = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
      String zeroUrl = null;
      for (String arg : args) {
        String[] kv = arg.split("=", 2);
        switch (kv[0]) {
          case "sizes" -> sizes = ints(kv[1]);
          case "concurrency" -> concurrency = ints(kv[1]);
          case "zero" -> zero = ints(kv[1]);
          case "latency" -> latency = Long.parseLong(kv[1]);
          case "heap" -> heap = kv[1];
          case "jar" -> jar = kv[1];
          case "jvm" -> jvm = kv[1].isEmpty() ? List.of() : List.of(kv[1].split(","));
          case "zero-url" -> zeroUrl = kv[1];
          default -> throw new IllegalArgumentException("unknown benchmark setting " + arg);
        }
      }
      return new Settings(sizes, concurrency, zero, latency, heap, jar, jvm, zeroUrl);
    }

    private static List<Integer> ints(String csv) {
      List<Integer> out = new ArrayList<>();
      for (String part : csv.split(",")) {
        if (!part.isBlank()) {
          out.add(Integer.parseInt(part.trim()));
        }
      }
      return out;
    }
  }
}
