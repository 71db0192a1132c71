package dev.corsaudit.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.PlannedRequest;
import dev.corsaudit.model.PreflightPlan;
import dev.corsaudit.model.UserException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The request side of the Fetch Standard, against the WPT tables in cors-rules.md §3. */
class BrowserRequestsTest {

  private static CorsRequest request(String method, HeaderLine... headers) {
    return new CorsRequest(
        "https://api.example.com/v1/chat/completions",
        "https://app.example.com",
        method,
        List.of(headers),
        CredentialsMode.OMIT);
  }

  /**
   * cors-preflight.any.js: sorted, lower-cased unsafe names joined by "," (safelisted ones absent).
   */
  @Test
  void accessControlRequestHeadersFollowsWpt() {
    PreflightPlan plan =
        BrowserRequests.plan(
            request(
                "GET",
                new HeaderLine("x-test-header1", "v"),
                new HeaderLine("x-test-header2", "v"),
                new HeaderLine("X-test-header3", "v"),
                new HeaderLine("x-test-header-b", "v"),
                new HeaderLine("x-test-header-D", "v"),
                new HeaderLine("x-test-header-C", "v"),
                new HeaderLine("x-test-header-a", "v"),
                new HeaderLine("Content-Type", "allowedOrRefused"),
                new HeaderLine("Accept", "*"),
                new HeaderLine("Accept-Language", "bzh"),
                new HeaderLine("Content-Language", "eu")));
    assertEquals(
        "content-type,x-test-header-a,x-test-header-b,x-test-header-c,x-test-header-d,x-test-header1,x-test-header2,x-test-header3",
        plan.accessControlRequestHeaders());
    assertTrue(plan.preflightNeeded());
  }

  @Test
  void fetchProfileAsTheSeedReportSentIt() {
    PreflightPlan plan =
        BrowserRequests.plan(
            request(
                "post",
                new HeaderLine("Authorization", "Bearer x"),
                new HeaderLine("Content-Type", "application/json")));
    assertEquals("POST", plan.normalizedMethod());
    assertEquals("authorization,content-type", plan.accessControlRequestHeaders());
  }

  @Test
  void simpleRequestsNeedNoPreflight() {
    assertFalse(BrowserRequests.plan(request("GET")).preflightNeeded());
    assertFalse(
        BrowserRequests.plan(
                request("POST", new HeaderLine("Content-Type", "text/plain;charset=utf-8")))
            .preflightNeeded());
    assertFalse(
        BrowserRequests.plan(request("HEAD", new HeaderLine("Accept-Language", "fr")))
            .preflightNeeded());
    assertNull(BrowserRequests.plan(request("PUT")).accessControlRequestHeaders());
    assertTrue(BrowserRequests.plan(request("PUT")).preflightNeeded());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "delete,DELETE",
    "put,PUT",
    "patch,patch",
    "PATCH,PATCH",
    "chicken,chicken",
    "options,OPTIONS",
    "Get,GET"
  })
  void methodNormalisation(String written, String sent) {
    assertEquals(sent, FetchMethods.normalize(written));
  }

  /** cors-safelisted-request-header.any.js and not-cors-safelisted.json. */
  @ParameterizedTest(name = "{0}: {1} -> safelisted {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "content-type|text/plain;|true",
        "content-type|text/plain;garbage|true",
        "content-type|multipart/form-data|true",
        "content-type|Text/Plain;charset=utf-8|true",
        "content-type|text /plain|false",
        "content-type|text/plain,|false",
        "content-type|,text/plain|false",
        "content-type|text/plain,text/plain|false",
        "content-type|application/www-form-urlencoded|false",
        "content-type|multipart/form-data;\"|false",
        "content-type|application/json|false",
        "content-type|text/html|false",
        "range|bytes=100-200|true",
        "range|bytes=200-|true",
        "range|bytes=-200|false",
        "range|bytes=200-100|false",
        "range|bytes 100-200|false",
        "range|bytes=100-200,300-400|false",
        "range|bytes=abc-def|false",
        "range|bytes=1000000000000000000000000000000000000000000000000000000000000-2000000000000000000000000000000000000000000000000000000000000|false",
        "accept|*/*|true",
        "accept|\"|false",
        "accept-language|fr|true",
        "accept-language|@|false",
        "content-language|eu|true",
        "authorization|basics|false",
        "last-event-id|abc123|false",
        "test|hi|false",
      })
  void safelist(String name, String value, boolean safelisted) {
    assertEquals(safelisted, HeaderSafelist.isSafelisted(name, value));
  }

  @Test
  void valueLimits() {
    assertFalse(HeaderSafelist.isSafelisted("accept", "1".repeat(129)));
    assertTrue(HeaderSafelist.isSafelisted("accept", "1".repeat(128)));
    assertFalse(HeaderSafelist.isSafelisted("content-type", "text/plain; long=" + "1".repeat(120)));
    // 1024-byte total: nine 120-byte Accept-Language values are each safelisted, together not.
    HeaderLine[] many = new HeaderLine[9];
    for (int i = 0; i < many.length; i++) {
      many[i] =
          new HeaderLine(i % 2 == 0 ? "Accept-Language" : "Content-Language", "a".repeat(120));
    }
    assertEquals(
        List.of("accept-language", "content-language"),
        BrowserRequests.plan(request("GET", many)).unsafeHeaderNames());
  }

  @Test
  void forbiddenHeadersAreDroppedAndNamedForbiddenMethodsRefused() {
    CorsRequest cookie =
        request(
            "POST",
            new HeaderLine("Cookie", "a=b"),
            new HeaderLine("Sec-Fetch-Mode", "cors"),
            new HeaderLine("Proxy-Authorization", "x"),
            new HeaderLine("X-HTTP-Method-Override", "TRACE"),
            new HeaderLine("X-Method-Override", "PUT"),
            new HeaderLine("cookie", "c=d"));
    assertEquals(List.of("x-method-override"), BrowserRequests.plan(cookie).unsafeHeaderNames());
    assertEquals(
        List.of("Cookie", "Sec-Fetch-Mode", "Proxy-Authorization", "X-HTTP-Method-Override"),
        BrowserRequests.droppedHeaders(cookie));
    assertTrue(ForbiddenHeaders.message("Cookie").contains("'Cookie' cannot be set by a page"));
    List<String> sent =
        BrowserRequests.actual(cookie, "http://127.0.0.1:9/x", "UA/1", null).headers().stream()
            .map(HeaderLine::value)
            .toList();
    assertFalse(sent.contains("a=b") || sent.contains("x") || sent.contains("TRACE"));
    assertThrows(UserException.class, () -> BrowserRequests.plan(request("TRACE")));
  }

  @Test
  void valuesAreByteStringsAndRepeatedNamesCombine() {
    // 100 x U+00E9 is 100 bytes as a byte string (200 in UTF-8): still safelisted.
    assertTrue(HeaderSafelist.isSafelisted("accept", "\u00e9".repeat(100)));
    assertFalse(HeaderSafelist.isSafelisted("accept", "\u00e9".repeat(129)));
    assertFalse(HeaderSafelist.isSafelisted("accept", "\u00e9", RequestRules.FIREFOX));
    CorsRequest twice =
        request(
            "GET",
            new HeaderLine("Accept", "a".repeat(100)),
            new HeaderLine("accept", "b".repeat(30)));
    assertEquals(List.of("accept"), BrowserRequests.plan(twice).unsafeHeaderNames());
    assertFalse(BrowserRequests.plan(twice, RequestRules.FIREFOX).preflightNeeded());
    assertEquals(
        List.of(new HeaderLine("Accept", "a".repeat(100) + ", " + "b".repeat(30))),
        BrowserRequests.headerList(twice.headers(), RequestRules.WEBKIT));
  }

  @ParameterizedTest(name = "chromium {0}: {1} -> safelisted {2}")
  @CsvSource({
    "DPR,2,true",
    "DPR,2.5,true",
    "DPR,2.,false",
    "DPR,abc,false",
    "Device-Memory,8,true",
    "Viewport-Width,1280,true",
    "Width,1.5,false",
    "Save-Data,on,true",
    "Save-Data,ON,true",
    "Save-Data,off,false"
  })
  void chromiumClientHints(String name, String value, boolean safelisted) {
    assertEquals(safelisted, HeaderSafelist.isSafelisted(name, value, RequestRules.CHROMIUM));
    assertFalse(HeaderSafelist.isSafelisted(name, value, RequestRules.SPEC));
  }

  @Test
  void chromiumDropsAScriptSetUserAgentFirefoxDoesNot() {
    CorsRequest r = request("GET", new HeaderLine("User-Agent", "sdk/1"));
    assertFalse(BrowserRequests.plan(r).preflightNeeded());
    assertEquals(List.of("user-agent"), BrowserRequests.plan(r, false).unsafeHeaderNames());
  }

  @Test
  void preflightLooksLikeChromiums() {
    PlannedRequest preflight =
        BrowserRequests.preflight(
            request(
                "POST",
                new HeaderLine("Authorization", "Bearer secret"),
                new HeaderLine("Content-Type", "application/json")),
            "http://127.0.0.1:9/x",
            "UA/1");
    assertEquals("OPTIONS", preflight.method());
    assertNull(preflight.body());
    List<String> names = preflight.headers().stream().map(HeaderLine::name).toList();
    assertEquals(
        List.of(
            "Accept",
            "Accept-Language",
            "Access-Control-Request-Headers",
            "Access-Control-Request-Method",
            "Origin",
            "Referer",
            "Sec-Fetch-Dest",
            "Sec-Fetch-Mode",
            "Sec-Fetch-Site",
            "User-Agent"),
        names);
    assertEquals("*/*", HeaderLine.combined(preflight.headers(), "Accept"));
    assertEquals("same-site", HeaderLine.combined(preflight.headers(), "Sec-Fetch-Site"));
    assertFalse(
        HeaderLine.contains(preflight.headers(), "Authorization"),
        "a preflight never carries credentials");
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource({
    "https://app.example.com,https://api.example.com/v1,same-site",
    "https://example.com,https://example.com/v1,same-origin",
    "http://example.com,https://example.com/v1,cross-site",
    "https://evil.test,https://api.example.com/v1,cross-site",
    "null,https://api.example.com/v1,cross-site",
  })
  void secFetchSite(String origin, String url, String site) {
    assertEquals(site, SecFetchSite.of(origin, url));
  }
}
