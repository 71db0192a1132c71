package dev.corsaudit.fetch;

import java.net.URI;
import java.util.Locale;

/**
 * The {@code Sec-Fetch-Site} value for a page origin and a target URL. "Same site" needs the
 * registrable domain, which needs the Public Suffix List; we approximate it by the last two labels
 * (exact for api.example.com vs app.example.com, wrong for e.g. a.github.io vs b.github.io, which
 * browsers call cross-site). Servers rarely branch on this header for CORS.
 */
public final class SecFetchSite {

  private SecFetchSite() {}

  public static String of(String origin, String url) {
    URI target;
    URI page;
    try {
      target = URI.create(url);
      page = URI.create(origin);
    } catch (IllegalArgumentException e) {
      return "cross-site";
    }
    if (page.getHost() == null || target.getHost() == null) {
      return "cross-site";
    }
    String pageHost = page.getHost().toLowerCase(Locale.ROOT);
    String targetHost = target.getHost().toLowerCase(Locale.ROOT);
    boolean sameScheme = String.valueOf(page.getScheme()).equalsIgnoreCase(target.getScheme());
    if (sameScheme && pageHost.equals(targetHost) && port(page) == port(target)) {
      return "same-origin";
    }
    if (sameScheme && site(pageHost).equals(site(targetHost))) {
      return "same-site";
    }
    return "cross-site";
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private static String site(String host) {
    if (host.matches("[0-9.]+") || host.contains(":")) {
      return host; // IP addresses are their own site
    }
    String[] labels = host.split("\\.");
    if (labels.length <= 2) {
      return host;
    }
    return labels[labels.length - 2] + "." + labels[labels.length - 1];
  }
}
