package dev.corsaudit.browser;

import dev.corsaudit.model.CorsRequest;
import java.io.IOException;

/** Runs a page's fetch() in a real browser from a page whose origin is the request's origin. */
public interface Confirmer extends AutoCloseable {

  BrowserConfirmation confirm(CorsRequest request, String url, byte[] body);

  @Override
  void close();

  /**
   * Starts the named browser: chromium, firefox or webkit (Debian's chromium, firefox-esr and
   * webkit2gtk-driver packages; webkit also needs xvfb).
   */
  static Confirmer start(String browser) throws IOException {
    return switch (browser) {
      case "chromium" -> ChromiumConfirmer.start();
      case "firefox" -> FirefoxConfirmer.start();
      case "webkit" -> WebKitConfirmer.start();
      default -> throw new IllegalArgumentException("unknown browser " + browser);
    };
  }
}
