package dev.corsaudit.conformance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks a browser's console lines out of its log output and files them under the case whose URL
 * they mention. Chromium (with --enable-logging=stderr) writes
 * {@code [pid:tid:time:INFO:CONSOLE:0] "message", source: url (line)}; the message is kept.
 */
final class ConsoleLines {

  private static final Pattern CHROMIUM_CONSOLE =
      Pattern.compile("^\\[[^\\]]*:CONSOLE[^\\]]*\\] \"(.*)\", source: .*$");

  private ConsoleLines() {}

  /**
   * @param targetBaseUrl the URL prefix of every case (it carries the run's nonce)
   * @return case id → its console lines, normalised with {origin} and {target}
   */
  static Map<String, List<String>> byCase(String log, String targetBaseUrl, String pageOrigin) {
    Pattern caseUrl = Pattern.compile(Pattern.quote(targetBaseUrl + "/case/") + "([a-z0-9-]+)");
    Map<String, List<String>> out = new HashMap<>();
    for (String raw : log.split("\\R")) {
      Matcher console = CHROMIUM_CONSOLE.matcher(raw);
      String message = console.matches() ? console.group(1) : firefoxMessage(raw);
      if (message == null) {
        continue;
      }
      Matcher url = caseUrl.matcher(message);
      if (url.find()) {
        String normalised =
            message.replace(targetBaseUrl, "{target}").replace(pageOrigin, "{origin}");
        out.computeIfAbsent(url.group(1), id -> new ArrayList<>()).add(normalised);
      }
    }
    return out;
  }

  // Firefox prints console messages reported to the console service as plain text lines.
  private static String firefoxMessage(String raw) {
    int start = raw.indexOf("Cross-Origin Request");
    return start < 0 ? null : raw.substring(start).strip();
  }
}
