package dev.corsaudit.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.HeaderLine;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fetch's HTTP-redirect fetch, as a table: what the next request is after each redirect. */
class RedirectsTest {

  private static final String PAGE = "https://app.example.com";

  private static CorsRequest request(String url, String origin, String method) {
    return new CorsRequest(
        url,
        origin,
        method,
        List.of(
            new HeaderLine("Authorization", "Bearer x"),
            new HeaderLine("Content-Type", "application/json"),
            new HeaderLine("X-Trace", "1")),
        CredentialsMode.OMIT);
  }

  @ParameterizedTest(name = "{1} {0} to {2}")
  @CsvSource({
    // status, method, location, next method, next origin, keeps authorization, keeps content-type
    "301, POST, /v2, GET, https://app.example.com, true, false",
    "302, POST, /v2, GET, https://app.example.com, true, false",
    "302, PUT, /v2, PUT, https://app.example.com, true, true",
    "303, PUT, /v2, GET, https://app.example.com, true, false",
    "303, HEAD, /v2, HEAD, https://app.example.com, true, true",
    "307, POST, /v2, POST, https://app.example.com, true, true",
    "308, POST, https://api.example.com/v2, POST, https://app.example.com, true, true",
    "307, POST, https://other.example.net/v2, POST, null, false, true",
    "301, POST, https://other.example.net/v2, GET, null, false, false",
    "302, GET, http://api.example.com/v2, GET, null, false, true",
  })
  void nextRequest(
      int status,
      String method,
      String location,
      String nextMethod,
      String nextOrigin,
      boolean keepsAuthorization,
      boolean keepsContentType) {
    CorsRequest current = request("https://api.example.com/v1", PAGE, method);
    Redirects.Step step = Redirects.follow(current, PAGE, status, location);
    assertNull(step.failure());
    CorsRequest next = step.request();
    assertEquals(nextMethod, next.method());
    assertEquals(nextOrigin, next.origin());
    assertEquals(
        keepsAuthorization, next.headers().stream().anyMatch(h -> h.hasName("Authorization")));
    assertEquals(
        keepsContentType, next.headers().stream().anyMatch(h -> h.hasName("Content-Type")));
    assertTrue(next.headers().stream().anyMatch(h -> h.hasName("X-Trace")), "other headers stay");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource({
    "'', without a Location",
    "ftp://files.example.com/x, non-HTTP",
    "https://user:pw@api.example.com/v2, credentials",
    // The URL parser rejects a port above 65535; java.net.URI does not (rd-location-bad-port).
    "http://127.0.0.1:99999/x, invalid URL",
    "data:text/plain;hello, non-HTTP",
  })
  void unusableRedirectsAreNetworkErrors(String location, String why) {
    Redirects.Step step =
        Redirects.follow(
            request("https://api.example.com/v1", PAGE, "GET"),
            PAGE,
            302,
            location.isEmpty() ? null : location);
    assertNull(step.request());
    assertTrue(step.failure().contains(why), step.failure());
  }

  @ParameterizedTest
  @CsvSource({"301", "302", "303", "307", "308"})
  void redirectStatuses(int status) {
    assertTrue(Redirects.isRedirect(status));
  }

  @ParameterizedTest
  @CsvSource({"300", "304", "305", "200", "404"})
  void notRedirects(int status) {
    assertEquals(false, Redirects.isRedirect(status));
  }

  @ParameterizedTest(name = "{0} with Location {1}: followed {2}")
  @CsvSource({
    // A redirect status without a Location is the final response (rd-302-without-location).
    "302, , false",
    "307, /v2, true",
    "200, /v2, false",
  })
  void followedOnlyWithALocation(int status, String location, boolean followed) {
    assertEquals(followed, Redirects.isFollowed(status, location));
  }

  @org.junit.jupiter.api.Test
  void onceTaintedTheOriginStaysNull() {
    CorsRequest tainted = request("https://other.example.net/v2", "null", "GET");
    Redirects.Step back = Redirects.follow(tainted, PAGE, 302, "https://app.example.com/v3");
    assertEquals("null", back.request().origin());
  }
}
