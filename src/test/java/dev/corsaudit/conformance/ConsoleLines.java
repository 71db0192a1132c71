package dev.corsaudit.conformance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Files a browser's console messages under the case whose URL they mention. Chromium (with
 * --enable-logging=stderr) writes {@code [pid:tid:time:INFO:CONSOLE:0] "message", source: url
 * (line)} to stderr; Firefox's come from WebDriver BiDi log entries (see BidiConsole); WebKit's
 * MiniBrowser writes {@code CONSOLE SECURITY ERROR message} lines to stdout.
 */
final class ConsoleLines {

  private static final Pattern CHROMIUM_CONSOLE =
      Pattern.compile("^\\[[^\\]]*:CONSOLE[^\\]]*\\] \"(.*)\", source: .*$");

  // MiniBrowser --enable-write-console-messages-to-stdout: "CONSOLE SECURITY ERROR message",
  // sometimes after a "url:line:col: " prefix; script's own console.log lines ("CONSOLE LOG ...")
  // never concern CORS and do not match.
  private static final Pattern WEBKIT_CONSOLE =
      Pattern.compile(
          "^(?:\\S+:\\d+:\\d+: )?CONSOLE (?:SECURITY|JS|NETWORK) (?:ERROR|WARN|WARNING|LOG) (.*)$");

  private static final String WEBKIT_FETCH_FAILED = "Fetch API cannot load ";

  private ConsoleLines() {}

  /**
   * The CORS console messages in MiniBrowser's stdout, in order. WebKit's first line (e.g. "Origin
   * ... is not allowed by Access-Control-Allow-Origin.") names no URL; the "Fetch API cannot load
   * URL due to access control checks." line right after it does. So each such pair becomes one
   * message "first\nsecond", which files under the case its URL names.
   */
  static List<String> fromWebKitLog(String log) {
    List<String> messages = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    for (String raw : log.split("\\R")) {
      Matcher console = WEBKIT_CONSOLE.matcher(raw);
      if (!console.matches()) {
        continue;
      }
      String message = console.group(1);
      pending.add(message);
      if (message.startsWith(WEBKIT_FETCH_FAILED)) {
        messages.add(String.join("\n", pending));
        pending.clear();
      }
    }
    messages.addAll(pending);
    return messages;
  }

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
   * @param secondBaseUrl the same prefix on the target's second origin, where redirects may go
   * @return case id → its console messages, normalised with {origin}, {target} and {target2}
   */
  static Map<String, List<String>> byCase(
      List<String> messages, String targetBaseUrl, String secondBaseUrl, String pageOrigin) {
    Pattern caseUrl =
        Pattern.compile(
            "(?:"
                + Pattern.quote(targetBaseUrl + "/case/")
                + "|"
                + Pattern.quote(secondBaseUrl + "/case/")
                + ")([a-z0-9-]+)");
    Map<String, List<String>> out = new HashMap<>();
    for (String message : messages) {
      Matcher url = caseUrl.matcher(message);
      if (url.find()) {
        String normalised =
            message
                .replace(targetBaseUrl, "{target}")
                .replace(secondBaseUrl, "{target2}")
                .replace(pageOrigin, "{origin}")
                .replace(pageOrigin.toUpperCase(Locale.ROOT), "{ORIGIN}");
        // A WebKit pair is filed as its two lines.
        out.computeIfAbsent(url.group(1), id -> new ArrayList<>())
            .addAll(List.of(normalised.split("\n")));
      }
    }
    return out;
  }
}
