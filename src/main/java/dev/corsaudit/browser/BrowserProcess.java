package dev.corsaudit.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A headless browser process with a throw-away profile, and the address of its remote agent. */
final class BrowserProcess implements AutoCloseable {

  private final Process process;
  private final Path profile;
  private final String address;

  private BrowserProcess(Process process, Path profile, String address) {
    this.process = process;
    this.profile = profile;
    this.address = address;
  }

  static BrowserProcess start(
      List<String> command, Path profile, Pattern listening, Duration timeout) throws IOException {
    Path log = profile.resolve("browser.log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("HOME", profile.toString());
    builder.environment().put("MOZ_HEADLESS", "1");
    Process process = builder.start();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      Matcher m = listening.matcher(Files.exists(log) ? Files.readString(log) : "");
      if (m.find()) {
        return new BrowserProcess(process, profile, m.group(1));
      }
      sleep(100);
    }
    String tail = Files.exists(log) ? Files.readString(log) : "";
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    throw new IOException(
        command.get(0)
            + " did not start its remote agent within "
            + timeout.toSeconds()
            + "s"
            + (tail.isBlank() ? "" : ": " + tail.lines().reduce((a, b) -> b).orElse("")));
  }

  String address() {
    return address;
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor();
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    } catch (IOException | InterruptedException e) {
      // a temporary profile left behind is harmless
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
