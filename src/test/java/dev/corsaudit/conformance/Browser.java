package dev.corsaudit.conformance;

import dev.corsaudit.grade.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real browser driven as a plain process: headless, a throw-away profile, and every background
 * service we know of turned off, because the machine has no internet and must not try.
 */
enum Browser {
  CHROMIUM(Engine.CHROMIUM, "/usr/bin/chromium") {
    @Override
    List<String> command(String binary, Path profile, String pageUrl) {
      return List.of(
          binary,
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--no-default-browser-check",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-extensions",
          "--disable-default-apps",
          "--metrics-recording-only",
          // Anything not on loopback goes to a dead local proxy, so nothing leaves the machine.
          "--proxy-server=http://127.0.0.1:9",
          // Sends DevTools console messages (including CORS errors) to stderr as CONSOLE lines.
          "--enable-logging=stderr",
          "--v=0",
          "--user-data-dir=" + profile,
          pageUrl);
    }
  },

  FIREFOX(Engine.FIREFOX, "/usr/bin/firefox-esr") {
    @Override
    List<String> command(String binary, Path profile, String pageUrl) throws IOException {
      Files.writeString(profile.resolve("user.js"), FirefoxPrefs.userJs());
      // Opens about:blank; BidiConsole navigates to the page once it listens to the console.
      return List.of(
          binary,
          "--headless",
          "--no-remote",
          "--profile",
          profile.toString(),
          "--remote-debugging-port=0",
          "about:blank");
    }

    @Override
    boolean opensPageOverBidi() {
      return true;
    }
  };

  private final Engine engine;
  private final String defaultBinary;

  Browser(Engine engine, String defaultBinary) {
    this.engine = engine;
    this.defaultBinary = defaultBinary;
  }

  Engine engine() {
    return engine;
  }

  String key() {
    return engine.key();
  }

  /** The binary, overridable with -Dbrowsers.chromium=... / -Dbrowsers.firefox=... */
  Path binary() {
    return Path.of(System.getProperty("browsers." + key(), defaultBinary));
  }

  boolean installed() {
    return Files.isExecutable(binary());
  }

  /** Prepares {@code profile} as needed and returns the command line that opens {@code pageUrl}. */
  abstract List<String> command(String binary, Path profile, String pageUrl) throws IOException;

  /** True when the page is opened (and the console read) over WebDriver BiDi, not by URL. */
  boolean opensPageOverBidi() {
    return false;
  }

  /** Root has no usable HOME for a browser here, and Firefox needs MOZ_HEADLESS to skip X. */
  Map<String, String> environment(Path home) {
    return Map.of("HOME", home.toString(), "MOZ_HEADLESS", "1", "MOZ_CRASHREPORTER_DISABLE", "1");
  }
}
