package dev.corsaudit.config;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * What a page origin looks like: scheme://host[:port], no path, query or fragment; or the opaque
 * origin "null". App schemes (app://obsidian.md, tauri://localhost) are origins too.
 */
public final class OriginSyntax {

  private OriginSyntax() {}

  /** Why the text is not an origin, or null when it is one. */
  public static String problem(String origin) {
    if (origin.equals("null")) {
      return null;
    }
    URI uri;
    try {
      uri = new URI(origin);
    } catch (URISyntaxException e) {
      return "not a URL";
    }
    if (uri.getScheme() == null || uri.getHost() == null) {
      return "no scheme://host";
    }
    if (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
      return "it has a path; an origin ends after the host or port";
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      return "it has a query, fragment or user name";
    }
    return null;
  }
}
