package dev.corsaudit.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The performance harness (run with {@code mvn -B -Pbench package -DskipTests}; the profile also
 * assembles the release archive). One command prints, for the same loopback farm and the same
 * endpoint list, the peers side by side: curl under {@code xargs -P}, cors-audit and the latency
 * bound, as ratios; the 0 ms rate against a private nginx beside a bare {@code
 * HttpClient.sendAsync} loop; start-up through the release launcher with and without its class-data
 * archive; peak heap. Every figure runs the real program in a child process, so JVM start is always
 * included. All traffic goes to 127.0.0.1; it is not a test and CI does not run it.
 *
 * <p>Arguments (all optional): {@code sizes=1000 concurrency=64 latency=100 security=1000
 * zero=10000 heap-sizes=10000,100000 heap-formats=json,table,markdown heap=256m runs=7 repeat=3
 * jar=target/cors-audit.jar jvm=-XX:TieredStopAtLevel=1,-XX:+UseSerialGC nginx=auto|off|URL
 * launcher=auto|off|PATH/bin/cors-audit curl=on|off startup=on|off baseline-jar=JAR
 * baseline-launcher=off|PATH/bin/cors-audit}. With a baseline, every cors-audit row is run for both
 * builds ("today" and "new") in the same run. A size list may be empty ({@code zero=}) to skip that
 * part. {@code runs} is how often each start-up command runs, {@code repeat} how often each program
 * of the latency and 0 ms rows runs (interleaved, so a slow minute of a shared machine touches all
 * of them); the medians are printed.
 */
public final class Benchmark {

  private static final Pattern GC_LINE =
      Pattern.compile("Pause (Young|Full).*?(\\d+)M->(\\d+)M\\(\\d+M\\)");
  private static final String ORIGIN = "https://example.com";

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.parse(args);
    Path work = Files.createTempDirectory("cors-audit-bench");
    System.out.println("# cors-audit benchmark");
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "%d cores, Java %s, load average %.1f at the start; child JVMs: java -Xmx%s %s -jar JAR%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        loadAverage(),
        settings.heap,
        String.join(" ", settings.jvm));
    for (Build build : settings.builds) {
      System.out.printf(
          Locale.ROOT, "- %s: %s, launcher %s%n", build.label, build.jar, build.launcher);
    }
    System.out.println();
    latencyRows(settings, work);
    Nginx nginx = null;
    String zeroUrl = settings.nginx.startsWith("http") ? settings.nginx : null;
    boolean wantZero = !settings.zeroSizes.isEmpty() || !settings.heapSizes.isEmpty();
    if (zeroUrl == null && wantZero && !settings.nginx.equals("off")) {
      nginx = Nginx.start(work, true);
      zeroUrl = nginx == null ? null : nginx.baseUrl();
    }
    try {
      if (zeroUrl != null) {
        zeroRows(settings, work, zeroUrl);
        heapRows(settings, work, zeroUrl);
      }
    } finally {
      if (nginx != null) {
        nginx.close();
      }
    }
    if (settings.startup) {
      startupRows(settings, work);
    }
    System.out.printf(Locale.ROOT, "load average %.1f at the end%n", loadAverage());
  }

  // ---- 1. the latency bound: curl xargs -P, cors-audit, the bound, same farm, same endpoints

  private static void latencyRows(Settings settings, Path work) throws Exception {
    if (settings.sizes.isEmpty() && settings.securitySizes.isEmpty()) {
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "## Latency bound: every answer %d ms away (loopback), JVM start included%n%n",
        settings.latencyMs);
    System.out.printf(
        Locale.ROOT,
        "bound = requests × latency ÷ concurrency (requests as counted by the server); each"
            + " program %d times, interleaved; the median run's wall time%n",
        settings.repeat);
    System.out.println();
    System.out.println(
        "| run | build | endpoints | concurrency | requests | bound (s) | wall (s), median"
            + " (range) | ÷ bound | peak heap (MiB) |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    try (LatencyServer farm = LatencyServer.start(Duration.ofMillis(settings.latencyMs), 512)) {
      for (int n : settings.sizes) {
        for (int c : settings.concurrency) {
          latencyRow(settings, work, farm, n, c, false);
        }
      }
      for (int n : settings.securitySizes) {
        latencyRow(settings, work, farm, n, settings.concurrency.get(0), true);
      }
    }
    System.out.println();
  }

  private static void latencyRow(
      Settings settings, Path work, LatencyServer farm, int n, int c, boolean security)
      throws Exception {
    Path providers = providers(work, farm.baseUrl(), n);
    Path urls = urls(work, farm.baseUrl(), n);
    List<Counted> curl = new ArrayList<>();
    List<Counted> loop = new ArrayList<>();
    List<List<Counted>> audits = new ArrayList<>();
    settings.builds.forEach(build -> audits.add(new ArrayList<>()));
    // Interleaved: each repetition runs every program once, so a slow minute of a shared machine
    // touches all of them rather than one.
    for (int r = 0; r < settings.repeat; r++) {
      if (settings.curl && !security) {
        curl.add(counted(farm, () -> curl(urls, c)));
      }
      if (!security) {
        loop.add(counted(farm, () -> bareLoop(settings, urls, c)));
      }
      for (int b = 0; b < settings.builds.size(); b++) {
        Build build = settings.builds.get(b);
        audits
            .get(b)
            .add(
                counted(
                    farm,
                    () -> {
                      Run audit =
                          corsAudit(
                              settings,
                              build,
                              work,
                              providers,
                              c,
                              security,
                              "lat-" + n + "-" + c,
                              "json");
                      // A finding on the farm's "*" is an answer, not a failure.
                      return security && audit.exit == 1 ? audit.withExit(0) : audit;
                    }));
      }
    }
    double latency = settings.latencyMs / 1000.0;
    if (!curl.isEmpty()) {
      latencyLine(
          "curl `xargs -P" + c + " -n1`", "curl " + curlVersion(), n, c, latency, curl, "–");
    }
    if (!loop.isEmpty()) {
      latencyLine(
          "bare `HttpClient.sendAsync` loop",
          "JDK " + Runtime.version().feature(),
          n,
          c,
          latency,
          loop,
          "–");
    }
    for (int b = 0; b < settings.builds.size(); b++) {
      List<Counted> runs = audits.get(b);
      latencyLine(
          security ? "cors-audit check --probe-security" : "cors-audit check",
          settings.builds.get(b).label,
          n,
          c,
          latency,
          runs,
          runs.stream()
              .map(run -> run.run.peakHeap)
              .max(java.util.Comparator.comparing(Benchmark::heapOrder))
              .orElse("–"));
    }
  }

  /** A run and the requests the farm counted during it (the bound's numerator). */
  private record Counted(Run run, long requests) {}

  private interface Job {
    Run run() throws Exception;
  }

  private static Counted counted(LatencyServer farm, Job job) throws Exception {
    farm.takeRequestCount();
    Run run = job.run();
    return new Counted(run, farm.takeRequestCount());
  }

  /** One row: the median run's wall time against its bound, with the range of all runs. */
  private static void latencyLine(
      String program,
      String build,
      int n,
      int c,
      double latency,
      List<Counted> runs,
      String peakHeap) {
    Counted median = medianOf(runs);
    Run shown = failedOrMedian(runs);
    double bound = median.requests * latency / c;
    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %d | %d | %d | %.2f | %s | %s | %s |%n",
        program,
        build,
        n,
        c,
        median.requests,
        bound,
        shown.ok() ? seconds(shown.wallSeconds) + range(runs) : shown.failure(),
        shown.ok() ? ratio(shown.wallSeconds, bound) : "–",
        peakHeap);
  }

  private static Run failedOrMedian(List<Counted> runs) {
    return runs.stream()
        .map(Counted::run)
        .filter(run -> !run.ok())
        .findFirst()
        .orElse(medianOf(runs).run);
  }

  private static Counted medianOf(List<Counted> runs) {
    List<Counted> sorted = new ArrayList<>(runs);
    sorted.sort(java.util.Comparator.comparingDouble(run -> run.run.wallSeconds));
    return sorted.get((sorted.size() - 1) / 2);
  }

  private static String range(List<Counted> runs) {
    if (runs.size() < 2) {
      return "";
    }
    double min = runs.stream().mapToDouble(run -> run.run.wallSeconds).min().orElse(0);
    double max = runs.stream().mapToDouble(run -> run.run.wallSeconds).max().orElse(0);
    return " (" + seconds(min) + "–" + seconds(max) + ")";
  }

  /** Peak-heap cells in order: "< first GC" before any figure, then by MiB. */
  private static long heapOrder(String cell) {
    try {
      return Long.parseLong(cell);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  // ---- 2. the 0 ms rate: cors-audit beside a bare HttpClient.sendAsync loop, against nginx

  private static void zeroRows(Settings settings, Path work, String baseUrl) throws Exception {
    if (settings.zeroSizes.isEmpty()) {
      return;
    }
    int c = settings.concurrency.get(0);
    System.out.printf(
        Locale.ROOT,
        "## 0 ms: nginx on loopback, concurrency %d, wall including JVM start, median of %d%n%n",
        c,
        settings.repeat);
    System.out.println(
        "| endpoints | bare `HttpClient.sendAsync` loop (req/s) | build"
            + " | cors-audit (graded preflights/s) | cors-audit ÷ bare loop |");
    System.out.println("|---:|---:|---|---:|---:|");
    for (int n : settings.zeroSizes) {
      Path urls = urls(work, baseUrl, n);
      Path providers = providers(work, baseUrl, n);
      List<Counted> loop = new ArrayList<>();
      List<List<Counted>> audits = new ArrayList<>();
      settings.builds.forEach(build -> audits.add(new ArrayList<>()));
      for (int r = 0; r < settings.repeat; r++) {
        loop.add(new Counted(bareLoop(settings, urls, c), n));
        for (int b = 0; b < settings.builds.size(); b++) {
          Build build = settings.builds.get(b);
          audits
              .get(b)
              .add(
                  new Counted(
                      corsAudit(settings, build, work, providers, c, false, "zero-" + n, "json"),
                      n));
        }
      }
      Run loopRun = failedOrMedian(loop);
      double loopRate = n / loopRun.wallSeconds;
      for (int b = 0; b < settings.builds.size(); b++) {
        Run audit = failedOrMedian(audits.get(b));
        double auditRate = n / audit.wallSeconds;
        System.out.printf(
            Locale.ROOT,
            "| %d | %s | %s | %s | %s |%n",
            n,
            loopRun.ok() ? String.format(Locale.ROOT, "%.0f", loopRate) : loopRun.failure(),
            settings.builds.get(b).label,
            audit.ok() ? String.format(Locale.ROOT, "%.0f", auditRate) : audit.failure(),
            loopRun.ok() && audit.ok()
                ? String.format(Locale.ROOT, "%.0f %%", 100 * auditRate / loopRate)
                : "–");
      }
    }
    System.out.println();
  }

  /** The bare {@code HttpClient.sendAsync} loop over the URL list, in a child JVM. */
  private static Run bareLoop(Settings settings, Path urls, int c) throws Exception {
    List<String> bare = new ArrayList<>(javaCommand(settings, null));
    bare.addAll(
        List.of(
            "-cp",
            // test-classes (under exec:java the JVM's own class path is Maven's)
            Path.of(BareLoop.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString(),
            BareLoop.class.getName(),
            urls.toString(),
            String.valueOf(c)));
    return run(bare, Map.of());
  }

  // ---- 3. peak heap

  private static void heapRows(Settings settings, Path work, String baseUrl) throws Exception {
    if (settings.heapSizes.isEmpty()) {
      return;
    }
    int c = settings.concurrency.get(0);
    System.out.printf(
        Locale.ROOT,
        "## Peak heap: -Xmx%s, nginx at 0 ms, concurrency %d, each format to a file%n%n",
        settings.heap,
        c);
    System.out.println(
        "| endpoints | format | build | wall (s) | heap in use before a GC, max (MiB)"
            + " | live after a GC, max (MiB) |");
    System.out.println("|---:|---|---|---:|---:|---:|");
    for (int n : settings.heapSizes) {
      Path providers = providers(work, baseUrl, n);
      for (String format : settings.heapFormats) {
        for (Build build : settings.builds) {
          Run audit = corsAudit(settings, build, work, providers, c, false, "heap-" + n, format);
          System.out.printf(
              Locale.ROOT,
              "| %d | %s | %s | %s | %s | %s |%n",
              n,
              format,
              build.label,
              audit.ok() ? seconds(audit.wallSeconds) : audit.failure(),
              audit.peakHeap,
              audit.liveHeap);
        }
      }
    }
    System.out.println();
  }

  // ---- 4. start-up through the release launcher

  private static void startupRows(Settings settings, Path work) throws Exception {
    System.out.printf(
        Locale.ROOT,
        "## Start-up: wall time in s, median of %d runs (fastest in brackets)%n%n",
        settings.runs);
    System.out.println(
        "| command | build | `java -jar` (flags above) | release launcher, CORS_AUDIT_CDS=off"
            + " | release launcher |");
    System.out.println("|---|---|---:|---:|---:|");
    List<String> notes = new ArrayList<>();
    Map<String, Path> launchers = new java.util.HashMap<>();
    for (Build build : settings.builds) {
      launchers.put(build.label, launcher(build, work, notes));
    }
    for (List<String> command :
        List.of(List.of("--version"), List.of("check", "--replicas", "-q"))) {
      for (Build build : settings.builds) {
        Path launcher = launchers.get(build.label);
        List<String> plain = new ArrayList<>(javaCommand(settings, null));
        plain.add("-jar");
        plain.add(build.jar);
        plain.addAll(command);
        String off = "–";
        String on = "–";
        if (launcher != null) {
          List<String> viaLauncher = new ArrayList<>(List.of(launcher.toString()));
          viaLauncher.addAll(command);
          off = median(settings.runs, viaLauncher, Map.of("CORS_AUDIT_CDS", "off"));
          on = median(settings.runs, viaLauncher, Map.of());
        }
        System.out.printf(
            Locale.ROOT,
            "| `%s` | %s | %s | %s | %s |%n",
            String.join(" ", command),
            build.label,
            median(settings.runs, plain, Map.of()),
            off,
            on);
      }
    }
    System.out.println();
    notes.forEach(System.out::println);
    System.out.println();
  }

  private static String median(int runs, List<String> command, Map<String, String> env)
      throws Exception {
    double[] walls = new double[runs];
    for (int i = 0; i < runs; i++) {
      Run run = run(command, env);
      if (run.exit != 0 && run.exit != 1) { // check --replicas FAILs on purpose (exit 1)
        return run.failure();
      }
      walls[i] = run.wallSeconds;
    }
    Arrays.sort(walls);
    return String.format(Locale.ROOT, "%.3f (%.3f)", walls[runs / 2], walls[0]);
  }

  /** The build's launcher: given, or bin/cors-audit from a fresh unzip of this tree's release. */
  private static Path launcher(Build build, Path work, List<String> notes) throws Exception {
    if (build.launcher.equals("off")) {
      return null;
    }
    Path launcher = null;
    if (!build.launcher.equals("auto")) {
      launcher = Path.of(build.launcher);
    } else {
      Path unpacked = work.resolve("release-" + build.label.replace(' ', '-'));
      Path dir = Path.of("target/jreleaser/assemble/cors-audit/java-archive");
      Path zip = null;
      if (Files.isDirectory(dir)) {
        try (DirectoryStream<Path> zips = Files.newDirectoryStream(dir, "cors-audit-*.zip")) {
          for (Path z : zips) {
            zip = z;
          }
        }
      }
      if (zip == null) {
        notes.add("No release archive for " + build.label + " (mvn -B jreleaser:assemble).");
        return null;
      }
      Files.createDirectories(unpacked);
      Run unzip =
          run(List.of("unzip", "-q", "-o", zip.toString(), "-d", unpacked.toString()), Map.of());
      if (!unzip.ok()) {
        notes.add("Cannot unzip " + zip + ": " + unzip.failure());
        return null;
      }
      launcher = find(unpacked);
    }
    if (launcher != null) {
      // A command that loads our classes: a lone --version neither trains nor maps the archive.
      Run first = run(List.of(launcher.toString(), "check", "--replicas", "-q"), Map.of());
      notes.add(
          String.format(
              Locale.ROOT,
              "First run of the %s launcher (`check --replicas -q`; makes the class-data archive if"
                  + " the launcher does): %.2f s, exit %d.",
              build.label,
              first.wallSeconds,
              first.exit));
    }
    return launcher;
  }

  private static Path find(Path unpacked) throws IOException {
    try (DirectoryStream<Path> roots = Files.newDirectoryStream(unpacked, "cors-audit-*")) {
      for (Path root : roots) {
        return root.resolve("bin/cors-audit");
      }
    }
    return null;
  }

  // ---- the child processes

  private static Run corsAudit(
      Settings settings,
      Build build,
      Path work,
      Path providers,
      int c,
      boolean security,
      String name,
      String format)
      throws Exception {
    Path gcLog = work.resolve("gc-" + name + "-" + build.label.replace(' ', '-') + ".log");
    List<String> command = new ArrayList<>(javaCommand(settings, gcLog));
    command.add("-jar");
    command.add(build.jar);
    command.addAll(
        List.of(
            "check",
            "--providers",
            providers.toString(),
            "--concurrency",
            String.valueOf(c),
            "--per-host",
            String.valueOf(c),
            "--timeout",
            "30s",
            "--format",
            format,
            "--output",
            work.resolve("out-" + name + "." + format).toString(),
            "--quiet"));
    if (security) {
      command.add("--probe-security");
    }
    Run run = run(command, Map.of());
    // check exits 0 here (every endpoint passes); anything else is a failed run.
    return run.withHeap(gcLog);
  }

  private static List<String> javaCommand(Settings settings, Path gcLog) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + settings.heap);
    command.addAll(settings.jvm);
    if (gcLog != null) {
      command.add("-Xlog:gc:file=" + gcLog);
    }
    return command;
  }

  /** One preflight per curl process, C at a time: what a shell script over the list does. */
  private static Run curl(Path urls, int c) throws Exception {
    List<String> command =
        List.of(
            "xargs",
            "-P",
            String.valueOf(c),
            "-n",
            "1",
            "curl",
            "-s",
            "-o",
            "/dev/null",
            "-X",
            "OPTIONS",
            "-H",
            "Origin: " + ORIGIN,
            "-H",
            "Access-Control-Request-Method: POST",
            "-H",
            "Access-Control-Request-Headers: content-type");
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command).redirectInput(urls.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    int exit = process.waitFor();
    return new Run(exit, (System.nanoTime() - start) / 1e9, output, "–", "–");
  }

  private static Run run(List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    long start = System.nanoTime();
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    int exit = process.waitFor();
    return new Run(exit, (System.nanoTime() - start) / 1e9, output, "–", "–");
  }

  private record Run(
      int exit, double wallSeconds, String output, String peakHeap, String liveHeap) {

    boolean ok() {
      return exit == 0;
    }

    String failure() {
      String text = output.strip().replace('\n', ' ').replace('|', '/');
      return "exit "
          + exit
          + (text.isEmpty() ? "" : ": " + text.substring(0, Math.min(80, text.length())));
    }

    Run withExit(int value) {
      return new Run(value, wallSeconds, output, peakHeap, liveHeap);
    }

    Run withHeap(Path gcLog) throws IOException {
      long[] heap = heap(gcLog);
      return new Run(
          exit,
          wallSeconds,
          output,
          heap[0] < 0 ? "< first GC" : Long.toString(heap[0]),
          heap[1] < 0 ? "< first GC" : Long.toString(heap[1]));
    }
  }

  /** Max occupancy before a collection and max live set after one, from the unified GC log. */
  static long[] heap(Path gcLog) throws IOException {
    long before = -1;
    long after = -1;
    if (Files.exists(gcLog)) {
      for (String line : Files.readAllLines(gcLog)) {
        Matcher m = GC_LINE.matcher(line);
        if (m.find()) {
          before = Math.max(before, Long.parseLong(m.group(2)));
          after = Math.max(after, Long.parseLong(m.group(3)));
        }
      }
    }
    return new long[] {before, after};
  }

  /** The endpoint list: the URLs cors-audit probes for {@link #providersYaml}. */
  private static Path urls(Path work, String baseUrl, int n) throws IOException {
    Path file = work.resolve("urls-" + n + "-" + Math.abs(baseUrl.hashCode()) + ".txt");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < n; i++) {
      text.append(baseUrl).append("/p").append(i).append("/chat/completions\n");
    }
    Files.writeString(file, text);
    return file;
  }

  private static Path providers(Path work, String baseUrl, int n) throws IOException {
    Path file = work.resolve("providers-" + n + "-" + Math.abs(baseUrl.hashCode()) + ".yaml");
    Files.writeString(file, providersYaml(baseUrl, n));
    return file;
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

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.2f", s);
  }

  private static String ratio(double wall, double bound) {
    return String.format(Locale.ROOT, "%.2f×", wall / bound);
  }

  private static String curlVersion() throws Exception {
    String[] words = run(List.of("curl", "--version"), Map.of()).output.split(" ");
    return words.length > 1 ? words[1] : "?";
  }

  private static double loadAverage() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** One build under test: its jar and its release launcher ("auto": this tree's assembled zip). */
  private record Build(String label, String jar, String launcher) {}

  private record Settings(
      List<Build> builds,
      List<Integer> sizes,
      List<Integer> concurrency,
      List<Integer> securitySizes,
      List<Integer> zeroSizes,
      List<Integer> heapSizes,
      List<String> heapFormats,
      long latencyMs,
      String heap,
      String jar,
      List<String> jvm,
      String nginx,
      String launcher,
      boolean curl,
      boolean startup,
      int runs,
      int repeat) {

    static Settings parse(String[] args) {
      List<Integer> sizes = List.of(1000);
      List<Integer> concurrency = List.of(64);
      List<Integer> security = List.of(1000);
      List<Integer> zero = List.of(10000);
      List<Integer> heapSizes = List.of(10000, 100000);
      List<String> heapFormats = List.of("json", "table", "markdown");
      long latency = 100;
      String heap = "256m";
      String jar = "target/cors-audit.jar";
      List<String> jvm = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
      String nginx = "auto";
      String launcher = "auto";
      String baselineJar = null;
      String baselineLauncher = "off";
      boolean curl = true;
      boolean startup = true;
      int runs = 7;
      int repeat = 3;
      for (String arg : args) {
        String[] kv = arg.split("=", 2);
        String value = kv.length > 1 ? kv[1] : "";
        switch (kv[0]) {
          case "sizes" -> sizes = ints(value);
          case "concurrency" -> concurrency = ints(value);
          case "security" -> security = ints(value);
          case "zero" -> zero = ints(value);
          case "heap-sizes" -> heapSizes = ints(value);
          case "heap-formats" -> heapFormats = List.of(value.split(","));
          case "latency" -> latency = Long.parseLong(value);
          case "heap" -> heap = value;
          case "jar" -> jar = value;
          case "jvm" -> jvm = value.isEmpty() ? List.of() : List.of(value.split(","));
          case "nginx", "zero-url" -> nginx = value;
          case "launcher" -> launcher = value;
          case "baseline-jar" -> baselineJar = value;
          case "baseline-launcher" -> baselineLauncher = value;
          case "curl" -> curl = !value.equals("off");
          case "startup" -> startup = !value.equals("off");
          case "runs" -> runs = Integer.parseInt(value);
          case "repeat" -> repeat = Integer.parseInt(value);
          default -> throw new IllegalArgumentException("unknown benchmark setting " + arg);
        }
      }
      if (concurrency.isEmpty()) {
        throw new IllegalArgumentException("concurrency needs at least one value");
      }
      List<Build> builds = new ArrayList<>();
      if (baselineJar != null) {
        builds.add(new Build("today", baselineJar, baselineLauncher));
      }
      builds.add(new Build(baselineJar != null ? "new" : "this build", jar, launcher));
      return new Settings(
          List.copyOf(builds),
          sizes,
          concurrency,
          security,
          zero,
          heapSizes,
          heapFormats,
          latency,
          heap,
          jar,
          jvm,
          nginx,
          launcher,
          curl,
          startup,
          runs,
          Math.max(1, repeat));
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
