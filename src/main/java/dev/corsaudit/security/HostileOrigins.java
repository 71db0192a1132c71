package dev.corsaudit.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The origins a scanner tries: each is allowed only by a broken origin check (reflection, `null`,
 * startsWith/endsWith matching, scheme downgrade, subdomain wildcard).
 */
public final class HostileOrigins {

  /** A name under .invalid (RFC 2606), so no real site can ever own it. */
  static final String ATTACKER = "https://cors-audit-attacker.invalid";

  private HostileOrigins() {}

  /**
   * @param endpointUrl the provider's URL: its host stands in for "the provider's own domain"
   * @param allowedOrigins origins the provider is meant to allow (may be empty or contain "*")
   */
  public static List<HostileOrigin> forEndpoint(String endpointUrl, List<String> allowedOrigins) {
    List<HostileOrigin> out = new ArrayList<>();
    out.add(
        new HostileOrigin(
            FindingCode.REFLECTS_ANY_ORIGIN, ATTACKER, "an arbitrary attacker origin"));
    out.add(
        new HostileOrigin(
            FindingCode.TRUSTS_NULL_ORIGIN,
            "null",
            "the opaque origin of sandboxed iframes and data: URLs"));
    String trustedHost = trustedHost(endpointUrl, allowedOrigins);
    if (trustedHost != null) {
      out.add(
          new HostileOrigin(
              FindingCode.PREFIX_MATCH,
              "https://" + trustedHost + ".cors-audit-attacker.invalid",
              "the trusted host as a prefix of an attacker's domain"));
      out.add(
          new HostileOrigin(
              FindingCode.SUFFIX_MATCH,
              "https://cors-audit-attacker" + trustedHost,
              "the trusted host as a suffix of an attacker's domain"));
      out.add(
          new HostileOrigin(
              FindingCode.SUBDOMAIN_TRUSTED,
              "https://cors-audit-attacker." + trustedHost,
              "a subdomain of the trusted host (a subdomain takeover or XSS there becomes CORS access)"));
    }
    for (String allowed : allowedOrigins) {
      if (allowed.startsWith("https://")) {
        out.add(
            new HostileOrigin(
                FindingCode.INSECURE_ORIGIN_TRUSTED,
                "http://" + allowed.substring("https://".length()),
                "an http:// downgrade of "
                    + allowed
                    + " (a network attacker can inject script there)"));
        break;
      }
    }
    return out;
  }

  /** The host whose look-alikes are tried: the first listed origin's, else the endpoint's own. */
  private static String trustedHost(String endpointUrl, List<String> allowedOrigins) {
    for (String allowed : allowedOrigins) {
      String host = host(allowed);
      if (host != null && !allowed.equals("*")) {
        return host;
      }
    }
    return host(endpointUrl);
  }

  private static String host(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null ? null : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
