package dev.corsaudit.conformance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * user.js for the throw-away Firefox profile: no first-run pages, telemetry, updates, captive
 * portal or connectivity probes, safe browsing or remote settings, because there is no internet and
 * a background request must neither hang the run nor leave the machine.
 */
final class FirefoxPrefs {

  private FirefoxPrefs() {}

  static String userJs() {
    Map<String, Object> prefs = new LinkedHashMap<>();
    prefs.put("browser.shell.checkDefaultBrowser", false);
    prefs.put("browser.startup.homepage_override.mstone", "ignore");
    prefs.put("startup.homepage_welcome_url", "about:blank");
    prefs.put("startup.homepage_welcome_url.additional", "");
    prefs.put("browser.aboutwelcome.enabled", false);
    prefs.put("trailhead.firstrun.didSeeAboutWelcome", true);
    prefs.put("browser.newtabpage.enabled", false);
    prefs.put("browser.startup.page", 0);
    prefs.put("datareporting.policy.dataSubmissionEnabled", false);
    prefs.put("datareporting.healthreport.uploadEnabled", false);
    prefs.put("toolkit.telemetry.enabled", false);
    prefs.put("toolkit.telemetry.unified", false);
    prefs.put("toolkit.telemetry.server", "");
    prefs.put("toolkit.telemetry.archive.enabled", false);
    prefs.put("app.update.auto", false);
    prefs.put("app.update.enabled", false);
    prefs.put("app.normandy.enabled", false);
    prefs.put("app.shield.optoutstudies.enabled", false);
    prefs.put("network.captive-portal-service.enabled", false);
    prefs.put("network.connectivity-service.enabled", false);
    prefs.put("network.prefetch-next", false);
    prefs.put("network.dns.disablePrefetch", true);
    prefs.put("network.http.speculative-parallel-limit", 0);
    prefs.put("extensions.update.enabled", false);
    prefs.put("extensions.getAddons.cache.enabled", false);
    prefs.put("extensions.systemAddon.update.enabled", false);
    prefs.put("browser.safebrowsing.malware.enabled", false);
    prefs.put("browser.safebrowsing.phishing.enabled", false);
    prefs.put("browser.safebrowsing.downloads.enabled", false);
    prefs.put("browser.safebrowsing.blockedURIs.enabled", false);
    prefs.put("browser.safebrowsing.provider.mozilla.updateURL", "");
    prefs.put("browser.search.update", false);
    prefs.put("browser.region.network.url", "");
    prefs.put("browser.region.update.enabled", false);
    prefs.put("browser.newtabpage.activity-stream.feeds.topsites", false);
    prefs.put("browser.newtabpage.activity-stream.feeds.system.topstories", false);
    prefs.put("browser.newtabpage.activity-stream.feeds.section.topstories", false);
    prefs.put("messaging-system.rsexperimentloader.enabled", false);
    prefs.put("nimbus.telemetry.targetingContextEnabled", false);
    // Anything not on loopback goes to a dead local proxy, so nothing leaves the machine;
    // loopback itself is never proxied (network.proxy.allow_hijacking_localhost is false).
    prefs.put("network.proxy.type", 1);
    prefs.put("network.proxy.http", "127.0.0.1");
    prefs.put("network.proxy.http_port", 9);
    prefs.put("network.proxy.ssl", "127.0.0.1");
    prefs.put("network.proxy.ssl_port", 9);
    prefs.put("network.proxy.allow_hijacking_localhost", false);
    prefs.put("media.gmp-manager.url", "");
    prefs.put("media.gmp-gmpopenh264.enabled", false);
    prefs.put("browser.ping-centre.telemetry", false);
    prefs.put("browser.contentblocking.report.lockwise.enabled", false);
    prefs.put("identity.fxaccounts.enabled", false);
    prefs.put("signon.rememberSignons", false);
    StringBuilder out = new StringBuilder();
    prefs.forEach(
        (name, value) ->
            out.append("user_pref(\"")
                .append(name)
                .append("\", ")
                .append(value instanceof String ? "\"" + value + "\"" : value)
                .append(");\n"));
    return out.toString();
  }
}
