package dev.corsaudit.config;

import dev.corsaudit.model.Setting;
import dev.corsaudit.model.UserException;
import java.net.IDN;
import java.util.Locale;
import java.util.Map;

/**
 * An origin as a browser serialises it into the {@code Origin} header (HTML's "ASCII serialization
 * of an origin"): scheme and host in lower case, the host in punycode, the scheme's default port
 * dropped, no trailing slash. What is not an origin (a path, a query) is refused with the origin
 * that was probably meant.
 */
public final class OriginSerialiser {

  private static final Map<String, Integer> DEFAULT_PORTS =
      Map.of("http", 80, "https", 443, "ws", 80, "wss", 443);

  private OriginSerialiser() {}

  /** The serialised origin, or a {@link UserException} about {@link Setting#ORIGIN}. */
  public static String serialise(String typed) {
    String text = typed.strip();
    if (text.equals("null")) {
      return text;
    }
    int sep = text.indexOf("://");
    if (sep <= 0 || !text.substring(0, sep).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
      throw refused(typed, "no scheme://host", null);
    }
    String scheme = text.substring(0, sep).toLowerCase(Locale.ROOT);
    String rest = text.substring(sep + 3);
    int end = firstOf(rest, "/?#");
    String authority = end < 0 ? rest : rest.substring(0, end);
    String tail = end < 0 ? "" : rest.substring(end);
    if (authority.contains("@")) {
      throw refused(typed, "it has a user name; an origin never does", null);
    }
    String host;
    String port = "";
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        throw refused(typed, "an IPv6 address without its closing ]", null);
      }
      host = authority.substring(0, close + 1).toLowerCase(Locale.ROOT);
      String after = authority.substring(close + 1);
      if (after.startsWith(":")) {
        port = after.substring(1);
      } else if (!after.isEmpty()) {
        throw refused(typed, "text after the IPv6 address", null);
      }
    } else {
      int colon = authority.lastIndexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
      port = colon < 0 ? "" : authority.substring(colon + 1);
      host = ascii(typed, host);
    }
    if (host.isEmpty()) {
      throw refused(typed, "no host", null);
    }
    if (!port.isEmpty()) {
      if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535) {
        throw refused(typed, "the port '" + port + "' is not a number from 0 to 65535", null);
      }
      int number = Integer.parseInt(port);
      port = number == DEFAULT_PORTS.getOrDefault(scheme, -1) ? "" : ":" + number;
    }
    String origin = scheme + "://" + host + port;
    if (!tail.isEmpty() && !tail.equals("/")) {
      String what =
          tail.startsWith("/") ? "a path" : tail.startsWith("?") ? "a query" : "a fragment";
      throw refused(typed, "it has " + what + "; an origin ends after the host or port", origin);
    }
    return origin;
  }

  private static String ascii(String typed, String host) {
    try {
      return IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw refused(typed, "the host '" + host + "' is not a valid domain name", null);
    }
  }

  private static int firstOf(String text, String chars) {
    for (int i = 0; i < text.length(); i++) {
      if (chars.indexOf(text.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static UserException refused(String typed, String problem, String meant) {
    String advice =
        meant != null
            ? "did you mean " + meant + "?"
            : "write scheme://host[:port], e.g. https://app.example.com or http://localhost:3000";
    return new UserException(
        "'" + typed + "' is not an origin (" + problem + "); " + advice, Setting.ORIGIN);
  }
}
