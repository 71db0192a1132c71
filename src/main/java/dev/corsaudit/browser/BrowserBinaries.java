package dev.corsaudit.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a browser's executable is: the one named by --browser-path (the system property {@link
 * #PATH_PROPERTY}, set by the command line), else the usual names on PATH, else the usual install
 * locations (Debian's, then macOS's application bundles).
 */
public final class BrowserBinaries {

  /** The executable given on the command line, for the browser asked for. */
  public static final String PATH_PROPERTY = "cors-audit.browser-path";

  private BrowserBinaries() {}

  static final Map<String, List<String>> NAMES =
      Map.of(
          "chromium",
          List.of(
              "chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome"),
          "firefox",
          List.of("firefox", "firefox-esr"));

  static final Map<String, List<String>> LOCATIONS =
      Map.of(
          "chromium",
          List.of(
              "/usr/bin/chromium",
              "/Applications/Chromium.app/Contents/MacOS/Chromium",
              "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"),
          "firefox",
          List.of("/usr/bin/firefox-esr", "/Applications/Firefox.app/Contents/MacOS/firefox"));

  /** The executable for chromium or firefox, or null when none is found. */
  static Path find(String browser, String pathVariable) {
    String explicit = System.getProperty(PATH_PROPERTY);
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    return search(browser, pathVariable);
  }

  static Path search(String browser, String pathVariable) {
    List<Path> candidates = new ArrayList<>();
    if (pathVariable != null) {
      for (String name : NAMES.getOrDefault(browser, List.of())) {
        for (String dir : pathVariable.split(File.pathSeparator)) {
          if (!dir.isBlank()) {
            candidates.add(Path.of(dir, name));
          }
        }
      }
    }
    for (String location : LOCATIONS.getOrDefault(browser, List.of())) {
      candidates.add(Path.of(location));
    }
    for (Path candidate : candidates) {
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** The message when nothing is found: what was searched and how to point at it. */
  static String notFound(String browser) {
    return browser
        + " was not found (searched PATH for "
        + String.join(", ", NAMES.get(browser))
        + ", and "
        + String.join(", ", LOCATIONS.get(browser))
        + "); install it or give its executable's path";
  }
}
