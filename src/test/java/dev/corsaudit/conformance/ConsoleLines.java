package dev.corsaudit.conformance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files a browser's console messages under the case whose URL they mention. Chromium (with
 * --enable-logging=stderr) writes {@code [pid:tid:time:INFO:CONSOLE:0] "message", source: url
 * (line)} to stderr; Firefox's come from WebDriver BiDi log entries (see BidiConsole).
 */
final class ConsoleLines {

  private static final Pattern CHROMIUM_CONSOLE =
      Pattern.compile("^\\[[^\\]]*:CONSOLE[^\\]]*\\] \"(.*)\", source: .*$");

  private ConsoleLines() {}

  /** The console messages in Chromium's stderr log, in order. */
  static List<String> fromChromiumLog(String log) {
    List<String> messages = new ArrayList<>();
    for (String raw : log.split("\\R")) {
      Matcher console = CHROMIUM_CONSOLE.matcher(raw);
      if (console.matches()) {
        messages.add(console.group(1));
      }
    }
    return messages;
  }

  /**
   * @param targetBaseUrl the URL prefix of every case (it carries the run's nonce)
   * @return case id → its console messages, normalised with {origin} and {target}
   */
  static Map<String, List<String>> byCase(
      List<String> messages, String targetBaseUrl, String pageOrigin) {
    Pattern caseUrl = Pattern.compile(Pattern.quote(targetBaseUrl + "/case/") + "([a-z0-9-]+)");
    Map<String, List<String>> out = new HashMap<>();
    for (String message : messages) {
      Matcher url = caseUrl.matcher(message);
      if (url.find()) {
        String normalised =
            message.replace(targetBaseUrl, "{target}").replace(pageOrigin, "{origin}");
        out.computeIfAbsent(url.group(1), id -> new ArrayList<>()).add(normalised);
      }
    }
    return out;
  }
}
