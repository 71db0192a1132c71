package dev.corsaudit.result;

import dev.corsaudit.model.HeaderLine;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Hides secrets in every output: reports are committed, pasted into issue trackers and uploaded as
 * CI artifacts. By name: a header or query parameter whose name contains one of {@link #WORDS} is
 * secret. The scheme of an Authorization value stays ("Bearer [REDACTED]") because it tells a
 * reader what kind of credential was sent. URLs lose their userinfo and the values of secret query
 * parameters. {@link SecretMask} adds the by-value rule (a secret echoed anywhere).
 */
public final class Redactor {

  public static final String MASK = "[REDACTED]";

  /** The mask inside a URL: no brackets, which curl would read as a glob and URLs forbid. */
  public static final String URL_MASK = "REDACTED";

  /** A name containing any of these (case-insensitively) is a secret. */
  static final List<String> WORDS =
      List.of(
          "auth",
          "token",
          "key",
          "secret",
          "session",
          "credential",
          "password",
          "passwd",
          "signature",
          "cookie",
          "bearer");

  /** Query parameters that are secret by exact name although they contain none of the words. */
  private static final Set<String> SECRET_PARAMS = Set.of("sig", "pwd", "pass", "code");

  private Redactor() {}

  public static boolean isSecret(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    // CORS headers name credentials and headers but carry no secret; the grader needs them
    // verbatim (Access-Control-Allow-Credentials, Access-Control-Allow-Headers: authorization).
    if (lower.startsWith("access-control-")) {
      return false;
    }
    // Rate-limit counters (x-ratelimit-remaining-tokens) are numbers an app needs to see.
    if (lower.contains("ratelimit") || lower.contains("rate-limit")) {
      return false;
    }
    return containsWord(lower);
  }

  /** A query parameter whose value is a secret (key=, api_key=, token=, sig=, ...). */
  public static boolean isSecretParam(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return SECRET_PARAMS.contains(lower) || containsWord(lower);
  }

  private static boolean containsWord(String lower) {
    for (String word : WORDS) {
      if (lower.contains(word)) {
        return true;
      }
    }
    return false;
  }

  /** Whether a secret value of this header name starts with a scheme worth keeping. */
  public static boolean keepsScheme(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.contains("authorization") || lower.contains("authenticat");
  }

  public static HeaderLine redact(HeaderLine line) {
    if (!isSecret(line.name()) || line.value().isEmpty()) {
      return line;
    }
    String value = line.value();
    // A bare challenge scheme (WWW-Authenticate: Bearer) names the kind of credential, no secret.
    if (line.lowerName().contains("authenticate") && value.matches("[A-Za-z][A-Za-z0-9-]*")) {
      return line;
    }
    int space = value.indexOf(' ');
    if (keepsScheme(line.name()) && space > 0) {
      return new HeaderLine(line.name(), value.substring(0, space) + " " + MASK);
    }
    return new HeaderLine(line.name(), MASK);
  }

  /**
   * Raw header lines (the raw recorder's) with secret values masked as {@link #redact} masks them;
   * the name, its padding and the line's terminator stay as received.
   */
  public static List<String> redactRawLines(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      int colon = line.indexOf(':');
      String name = colon < 0 ? "" : line.substring(0, colon).strip();
      if (colon < 0 || !isSecret(name)) {
        out.add(line);
        continue;
      }
      String end = line.endsWith("\r\n") ? "\r\n" : line.endsWith("\n") ? "\n" : "";
      String value = line.substring(colon + 1, line.length() - end.length()).strip();
      out.add(
          line.substring(0, colon + 1) + " " + redact(new HeaderLine(name, value)).value() + end);
    }
    return out;
  }

  /**
   * The URL as it may be printed: userinfo replaced by {@link #URL_MASK}, and the value of every
   * secret query parameter too (the parameter stays, so a curl command remains runnable). Works on
   * the raw text, so a URL that does not parse is redacted as well.
   */
  public static String redactUrl(String url) {
    if (url == null || url.isEmpty()) {
      return url;
    }
    String out = url;
    int schemeEnd = out.indexOf("://");
    if (schemeEnd > 0) {
      int authorityStart = schemeEnd + 3;
      int authorityEnd = authorityStart;
      while (authorityEnd < out.length() && "/?#".indexOf(out.charAt(authorityEnd)) < 0) {
        authorityEnd++;
      }
      int at = out.lastIndexOf('@', authorityEnd - 1);
      if (at >= authorityStart) {
        out = out.substring(0, authorityStart) + URL_MASK + out.substring(at);
      }
    }
    int query = out.indexOf('?');
    if (query < 0) {
      return out;
    }
    int fragment = out.indexOf('#', query);
    String end = fragment < 0 ? "" : out.substring(fragment);
    String params = fragment < 0 ? out.substring(query + 1) : out.substring(query + 1, fragment);
    StringBuilder rebuilt = new StringBuilder(out.length()).append(out, 0, query + 1);
    String[] parts = params.split("&", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        rebuilt.append('&');
      }
      String part = parts[i];
      int eq = part.indexOf('=');
      String name = eq < 0 ? part : part.substring(0, eq);
      if (eq >= 0 && isSecretParam(decode(name)) && eq < part.length() - 1) {
        rebuilt.append(name).append('=').append(URL_MASK);
      } else {
        rebuilt.append(part);
      }
    }
    return rebuilt.append(end).toString();
  }

  private static final java.util.regex.Pattern URL_IN_TEXT =
      java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[^\\s'\"<>`]+");

  /** Every URL inside free text (an error message, a stack trace line) redacted. */
  public static String redactUrlsIn(String text) {
    // redactUrl changes only userinfo (before an '@') and query values (after a '?'): text with
    // neither is returned as it is, without the regex (every line of a report goes through here).
    if (text == null || !text.contains("://") || (text.indexOf('@') < 0 && text.indexOf('?') < 0)) {
      return text;
    }
    java.util.regex.Matcher m = URL_IN_TEXT.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(redactUrl(m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The host and port of a URL for display, without userinfo. */
  public static String hostOf(String url) {
    try {
      URI uri = URI.create(url);
      if (uri.getHost() == null) {
        return redactUrl(url);
      }
      return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    } catch (RuntimeException e) {
      return redactUrl(url);
    }
  }

  static String decode(String text) {
    try {
      return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }
}
