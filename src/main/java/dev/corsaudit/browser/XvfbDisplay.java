package dev.corsaudit.browser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A private X display for a browser that has no headless mode (WebKitGTK's MiniBrowser). Xvfb picks
 * a free display number itself ({@code -displayfd 1} writes it to stdout), so parallel runs on one
 * machine never collide; it listens on a Unix socket only.
 */
public final class XvfbDisplay implements AutoCloseable {

  public static final String BINARY = "/usr/bin/Xvfb";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

  private final Process process;
  private final String display;

  private XvfbDisplay(Process process, String display) {
    this.process = process;
    this.display = display;
  }

  /** The binary, overridable with -Dbrowsers.xvfb=... */
  public static Path binary() {
    return Path.of(System.getProperty("browsers.xvfb", BINARY));
  }

  public static boolean installed() {
    return Files.isExecutable(binary());
  }

  /** Starts Xvfb and returns once its display accepts clients. */
  public static XvfbDisplay start() throws IOException {
    if (!installed()) {
      throw new IOException(
          binary() + " is not installed; install Debian's xvfb package (apt-get install xvfb)");
    }
    Process process =
        new ProcessBuilder(
                List.of(
                    binary().toString(),
                    "-displayfd",
                    "1",
                    "-screen",
                    "0",
                    "1280x1024x24",
                    "-nolisten",
                    "tcp"))
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    CompletableFuture<String> number =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                BufferedReader out =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
                return out.readLine();
              } catch (IOException e) {
                return null;
              }
            });
    try {
      String line = number.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (line == null || !line.strip().matches("\\d+")) {
        throw new IOException("Xvfb did not report a display number (" + line + ")");
      }
      // Xvfb writes the number once the display is ready for clients.
      return new XvfbDisplay(process, ":" + line.strip());
    } catch (TimeoutException | ExecutionException | IOException e) {
      process.destroyForcibly();
      throw new IOException("Xvfb did not start: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting Xvfb", e);
    }
  }

  /** The DISPLAY value, e.g. {@code :3}. */
  public String display() {
    return display;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
