package dev.corsaudit.conformance;

import dev.corsaudit.browser.XvfbDisplay;
import dev.corsaudit.grade.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

/**
 * A real browser driven as a plain process: headless (or on a private Xvfb display), a throw-away
 * profile, and every background service we know of turned off, because the machine has no internet
 * and must not try.
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
  },

  /**
   * WebKitGTK's MiniBrowser (Debian's webkit2gtk-driver package): no headless mode, so it gets its
   * own Xvfb display; its console goes to stdout as {@code CONSOLE <SOURCE> <LEVEL> message} lines.
   * It has no proxy switch that covers everything, but the run only ever loads loopback URLs.
   */
  WEBKIT(Engine.WEBKIT, "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser") {
    @Override
    List<String> command(String binary, Path profile, String pageUrl) {
      return List.of(binary, "--enable-write-console-messages-to-stdout=true", pageUrl);
    }

    @Override
    boolean needsDisplay() {
      return true;
    }

    @Override
    boolean installed() {
      return super.installed() && XvfbDisplay.installed();
    }

    @Override
    String missing() {
      return super.installed() ? XvfbDisplay.binary().toString() : binary().toString();
    }

    /**
     * A throw-away HOME and XDG directories: otherwise MiniBrowser keeps an HTTP disk cache, HSTS
     * store and CacheStorage in the real home between runs. NO_AT_BRIDGE keeps it off D-Bus.
     */
    @Override
    Map<String, String> environment(Path home) throws IOException {
      Path runtime = Files.createDirectories(home.resolve("run"));
      Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
      return Map.of(
          "HOME", home.toString(),
          "XDG_CACHE_HOME", home.resolve("cache").toString(),
          "XDG_DATA_HOME", home.resolve("data").toString(),
          "XDG_CONFIG_HOME", home.resolve("config").toString(),
          "XDG_RUNTIME_DIR", runtime.toString(),
          "NO_AT_BRIDGE", "1");
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

  /**
   * The binary, overridable with -Dbrowsers.chromium=... / -Dbrowsers.firefox=... /
   * -Dbrowsers.webkit=...
   */
  Path binary() {
    return Path.of(System.getProperty("browsers." + key(), defaultBinary));
  }

  boolean installed() {
    return Files.isExecutable(binary());
  }

  /** What is missing when {@link #installed()} is false, for the skip message. */
  String missing() {
    return binary().toString();
  }

  /** True when the browser has no headless mode and needs an X display (Xvfb). */
  boolean needsDisplay() {
    return false;
  }

  /** Prepares {@code profile} as needed and returns the command line that opens {@code pageUrl}. */
  abstract List<String> command(String binary, Path profile, String pageUrl) throws IOException;

  /** True when the page is opened (and the console read) over WebDriver BiDi, not by URL. */
  boolean opensPageOverBidi() {
    return false;
  }

  /** Root has no usable HOME for a browser here, and Firefox needs MOZ_HEADLESS to skip X. */
  Map<String, String> environment(Path home) throws IOException {
    return Map.of("HOME", home.toString(), "MOZ_HEADLESS", "1", "MOZ_CRASHREPORTER_DISABLE", "1");
  }
}
