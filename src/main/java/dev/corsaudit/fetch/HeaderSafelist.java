package dev.corsaudit.fetch;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The Fetch Standard's "CORS-safelisted request-header" test: a page may send these without a
 * preflight. Value rules matter: {@code Content-Type: application/json} is not safelisted.
 */
public final class HeaderSafelist {

  static final int MAX_VALUE_BYTES = 128;

  private HeaderSafelist() {}

  public static boolean isSafelisted(String name, String value) {
    return isSafelisted(name, value, RequestRules.SPEC);
  }

  /** The safelist as one engine applies it (see {@link RequestRules}). */
  public static boolean isSafelisted(String name, String value, RequestRules rules) {
    if (byteLength(value) > MAX_VALUE_BYTES) {
      return false;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (rules.highBytesUnsafe() && hasHighByte(value)) {
      return false; // Firefox: a byte >= 0x80 is CORS-unsafe
    }
    if (rules.safelistsClientHints()) {
      // Chromium's cors.cc client-hint safelist (not in the Fetch Standard).
      switch (lower) {
        case "dpr":
        case "device-memory":
          return isDecimal(value);
        case "viewport-width":
        case "width":
          return digits(value);
        case "save-data":
          return value.equalsIgnoreCase("on");
        default:
          break;
      }
    }
    switch (lower) {
      case "accept":
        return !hasUnsafeByte(value);
      case "accept-language":
      case "content-language":
        return languageBytesOnly(value);
      case "content-type":
        if (hasUnsafeByte(value)) {
          return false;
        }
        String essence = MimeTypes.essence(value);
        return essence != null
            && (essence.equals("application/x-www-form-urlencoded")
                || essence.equals("multipart/form-data")
                || essence.equals("text/plain"));
      case "range":
        return isSimpleRange(value);
      default:
        return false;
    }
  }

  /** Fetch "CORS-unsafe request-header byte". */
  static boolean hasUnsafeByte(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != 0x09) || c == 0x7F || "\"():<>?@[\\]{}".indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean languageBytesOnly(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok =
          (c >= '0' && c <= '9')
              || (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || " *,-.;=".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Fetch "simple range header value": {@code bytes=START-[END]}, no whitespace, start ≤ end. */
  static boolean isSimpleRange(String value) {
    if (!value.startsWith("bytes=")) {
      return false;
    }
    String rest = value.substring("bytes=".length());
    int dash = rest.indexOf('-');
    if (dash <= 0 || rest.indexOf('-', dash + 1) >= 0) {
      return false;
    }
    String start = rest.substring(0, dash);
    String end = rest.substring(dash + 1);
    if (!digits(start) || !(end.isEmpty() || digits(end))) {
      return false;
    }
    try {
      long from = Long.parseLong(start);
      return end.isEmpty() || from <= Long.parseLong(end);
    } catch (NumberFormatException tooLarge) {
      return false;
    }
  }

  private static boolean digits(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * The limits count bytes of the value as a byte string: a page's header value is a ByteString,
   * one byte per character U+0000-U+00FF (fetch() rejects anything above). Characters above U+00FF
   * (only possible from --header, never from a page) count as their UTF-8 bytes.
   */
  static int byteLength(String value) {
    int bytes = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      bytes += c <= 0xFF ? 1 : String.valueOf(c).getBytes(StandardCharsets.UTF_8).length;
    }
    return bytes;
  }

  private static boolean hasHighByte(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) >= 0x80) {
        return true;
      }
    }
    return false;
  }

  /** Chromium's IsSimilarToDoubleABNF: digits, at most one '.', a digit first and after it. */
  private static boolean isDecimal(String value) {
    int dot = value.indexOf('.');
    if (dot < 0) {
      return digits(value);
    }
    return dot > 0 && digits(value.substring(0, dot)) && digits(value.substring(dot + 1));
  }
}
