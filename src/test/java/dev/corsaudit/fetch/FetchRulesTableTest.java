package dev.corsaudit.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.corsaudit.model.CorsRequest;
import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.PlannedRequest;
import dev.corsaudit.model.PreflightPlan;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Fetch Standard's byte-level rules at their edges: each row sits on one side of a boundary (a
 * character range, a length limit, a grammar step), so a rule that moves by one shows here.
 */
class FetchRulesTableTest {

  /** RFC 9110 token characters: the range ends and their neighbours. */
  @ParameterizedTest(name = "isToken({0}) = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a|true",
        "z|true",
        "A|true",
        "Z|true",
        "0|true",
        "9|true",
        "`|true",
        "^|true",
        "~|true",
        "!|true",
        "aZ09-._|true",
        "@|false",
        "[|false",
        "{|false",
        "/|false",
        ":|false",
        "a b|false",
        "a,b|false",
        "é|false",
        "x\"|false"
      })
  void token(String text, boolean token) {
    assertEquals(token, FetchMethods.isToken(text));
  }

  @Test
  void emptyIsNoToken() {
    assertEquals(false, FetchMethods.isToken(""));
  }

  /** Accept and the Content-Type check: CORS-unsafe request-header bytes at their edges. */
  @ParameterizedTest(name = "accept {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0x1f|false",
        "0x20|true",
        "0x09|true",
        "0x0a|false",
        "0x00|false",
        "0x7e|true",
        "0x7f|false",
        "0x80|true",
        "0x22|false",
        "0x28|false",
        "0x29|false",
        "0x3a|false",
        "0x3c|false",
        "0x3e|false",
        "0x3f|false",
        "0x40|false",
        "0x5b|false",
        "0x5c|false",
        "0x5d|false",
        "0x7b|false",
        "0x7d|false",
        "0x2f|true",
        "0x2a|true"
      })
  void acceptBytes(String hex, boolean safelisted) {
    String value = "text" + (char) Integer.decode(hex).intValue() + "plain";
    assertEquals(safelisted, HeaderSafelist.isSafelisted("Accept", value), value);
  }

  /** Accept-Language and Content-Language: only digits, letters and " *,-.;=". */
  @ParameterizedTest(name = "language {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0|true", "9|true", "A|true", "Z|true", "a|true", "z|true", "' '|true", "*|true",
        ",|true", "-|true", ".|true", ";|true", "=|true", "/|false", ":|false", "@|false",
        "[|false", "`|false", "{|false", "_|false", "+|false"
      })
  void languageBytes(String c, boolean safelisted) {
    String value = "en" + c + "US";
    assertEquals(safelisted, HeaderSafelist.isSafelisted("Accept-Language", value), value);
    assertEquals(safelisted, HeaderSafelist.isSafelisted("content-language", value), value);
  }

  /** Content-Type: the MIME essence decides, after the strict parse. */
  @ParameterizedTest(name = "content-type [{0}] -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "text/plain|true",
        "TEXT/PLAIN|true",
        "text/plain;charset=utf-8|true",
        "text/plain ; charset=utf-8|true",
        "' text/plain'|true",
        "'text/plain '|true",
        "'\ttext/plain\t'|true",
        "text/plain;|true",
        "text/plain;;;x|true",
        "application/x-www-form-urlencoded|true",
        "multipart/form-data; boundary=x|true",
        "application/json|false",
        "text/plainx|false",
        "xtext/plain|false",
        "text/|false",
        "/plain|false",
        "text|false",
        "text /plain|false",
        "text/pla in|false",
        "t/plain|false",
        "text/plai|false",
        "''|false",
        "text/plain/x|false",
        "multipart/form-data2|false",
        "te;xt/plain|false",
        "text;/plain|false"
      })
  void contentType(String value, boolean safelisted) {
    assertEquals(safelisted, HeaderSafelist.isSafelisted("Content-Type", value), "[" + value + "]");
  }

  @Test
  void contentTypeEssenceIsLowerCasedAndTrimmed() {
    assertEquals("text/plain", MimeTypes.essence(" \r\nTEXT/Plain \t; charset=x"));
    assertEquals("a/b", MimeTypes.essence("a/b"));
    assertEquals(null, MimeTypes.essence("a/"));
    assertEquals(null, MimeTypes.essence("/b"));
    assertEquals(null, MimeTypes.essence(" \t"));
    assertEquals("a/b", MimeTypes.essence("a/b;"));
    assertEquals("a/b", MimeTypes.essence("a/b ;c=d"));
    assertEquals(null, MimeTypes.essence("a/b c;d"));
    assertEquals("a/bc", MimeTypes.essence("a/bc;d/e"));
  }

  /** Range: only "bytes=START-" or "bytes=START-END" with START ≤ END. */
  @ParameterizedTest(name = "range {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bytes=0-|true",
        "bytes=0-0|true",
        "bytes=5-10|true",
        "bytes=10-5|false",
        "bytes=10-10|true",
        "bytes=9-10|true",
        "bytes=-5|false",
        "bytes=0-1-2|false",
        "bytes=a-5|false",
        "bytes=5-a|false",
        "'bytes=5- '|false",
        "bytes= 5-|false",
        "bytes=/-|false",
        "bytes=:-|false",
        "bytes=0-:|false",
        "bytes=0-/|false",
        "Bytes=0-|false",
        "bits=0-|false",
        "bytes=|false",
        "bytes=99999999999999999999-|false",
        "bytes=0123-0200|true",
        "bytes=+5-|false",
        "bytes=0-+5|false",
        "bytes=5-+|false"
      })
  void range(String value, boolean safelisted) {
    assertEquals(safelisted, HeaderSafelist.isSafelisted("Range", value), value);
  }

  @Test
  void unknownHeadersAreNeverSafelisted() {
    assertEquals(false, HeaderSafelist.isSafelisted("X-Anything", "a"));
    assertEquals(false, HeaderSafelist.isSafelisted("Authorization", "Bearer a"));
  }

  @Test
  void valueOf128BytesCountsOneBytePerCharacter() {
    // Header values are byte strings: é (U+00E9) is one byte, so 128 of them are 128 bytes.
    assertEquals(true, HeaderSafelist.isSafelisted("Accept", "é".repeat(128)));
    assertEquals(false, HeaderSafelist.isSafelisted("Accept", "é".repeat(128) + "a"));
  }

  private static CorsRequest get(List<HeaderLine> headers) {
    return new CorsRequest(
        "https://api.example.com/v1",
        "https://app.example.com",
        "GET",
        headers,
        CredentialsMode.OMIT);
  }

  @Test
  void safelistedHeadersTotalling1024BytesNeedNoPreflight() {
    // Firefox judges each line of a repeated name alone, so eight Accept lines of 128 bytes are
    // each safelisted and only the 1024-byte total counts (Chromium judges the combined value).
    List<HeaderLine> headers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      headers.add(new HeaderLine("Accept", "a".repeat(128)));
    }
    PreflightPlan exactly = BrowserRequests.plan(get(headers), RequestRules.FIREFOX);
    assertEquals(false, exactly.preflightNeeded());
    assertEquals(List.of(), exactly.unsafeHeaderNames());
    headers.add(new HeaderLine("Accept-Language", "e"));
    PreflightPlan over = BrowserRequests.plan(get(headers), RequestRules.FIREFOX);
    assertEquals(true, over.preflightNeeded());
    assertEquals(List.of("accept", "accept-language"), over.unsafeHeaderNames());
    assertEquals("accept,accept-language", over.accessControlRequestHeaders());
  }

  @Test
  void actualRequestCarriesThePagesHeadersAndTheBrowsers() {
    CorsRequest request =
        new CorsRequest(
            "https://api.example.com/v1/chat",
            "https://app.example.com",
            "post",
            List.of(
                new HeaderLine("User-Agent", "sdk/1"),
                new HeaderLine("Authorization", "Bearer x"),
                new HeaderLine("Content-Type", "application/json")),
            CredentialsMode.OMIT);
    byte[] body = {1, 2};
    PlannedRequest actual = BrowserRequests.actual(request, "http://127.0.0.1:1/v1", "UA", body);
    assertEquals("POST", actual.method());
    assertEquals("http://127.0.0.1:1/v1", actual.url());
    assertEquals(body, actual.body());
    assertEquals(
        List.of(
            new HeaderLine("Accept", "*/*"),
            new HeaderLine("Authorization", "Bearer x"),
            new HeaderLine("Content-Type", "application/json"),
            new HeaderLine("Accept-Language", "en-US,en;q=0.9"),
            new HeaderLine("Origin", "https://app.example.com"),
            new HeaderLine("Referer", "https://app.example.com/"),
            new HeaderLine("Sec-Fetch-Dest", "empty"),
            new HeaderLine("Sec-Fetch-Mode", "cors"),
            new HeaderLine("Sec-Fetch-Site", "same-site"),
            new HeaderLine("User-Agent", "UA")),
        actual.headers());
  }

  @Test
  void actualRequestKeepsThePagesAcceptWhereItIs() {
    CorsRequest request =
        new CorsRequest(
            "https://api.example.com/v1",
            "null",
            "GET",
            List.of(new HeaderLine("X-Id", "1"), new HeaderLine("accept", "text/event-stream")),
            CredentialsMode.OMIT);
    PlannedRequest actual = BrowserRequests.actual(request, "http://127.0.0.1:1/", "UA", null);
    assertEquals(
        List.of(
            new HeaderLine("X-Id", "1"),
            new HeaderLine("accept", "text/event-stream"),
            new HeaderLine("Accept-Language", "en-US,en;q=0.9"),
            new HeaderLine("Origin", "null"),
            new HeaderLine("Sec-Fetch-Dest", "empty"),
            new HeaderLine("Sec-Fetch-Mode", "cors"),
            new HeaderLine("Sec-Fetch-Site", "cross-site"),
            new HeaderLine("User-Agent", "UA")),
        actual.headers());
  }

  /** Sec-Fetch-Site: scheme, host and port decide same-origin; the last two labels same-site. */
  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "https://a.example.com|https://a.example.com/x|same-origin",
        "https://a.example.com|https://a.example.com:443/x|same-origin",
        "https://a.example.com:443|https://a.example.com/x|same-origin",
        "http://a.example.com|http://a.example.com:80/x|same-origin",
        "http://a.example.com:8080|http://a.example.com/x|same-site",
        "https://a.example.com|http://a.example.com/x|cross-site",
        "https://A.Example.com|https://a.example.COM/x|same-origin",
        "https://app.example.com|https://api.example.com/x|same-site",
        "https://example.com|https://api.example.com/x|same-site",
        "https://a.b.example.com|https://c.example.com/x|same-site",
        "https://example.com|https://other.com/x|cross-site",
        "https://localhost|https://localhost:8443/x|same-site",
        "http://127.0.0.1:3000|http://127.0.0.1:8000/x|same-site",
        "http://127.0.0.1|http://127.0.0.2/x|cross-site",
        "http://10.0.0.1|http://11.0.0.1/x|cross-site",
        "http://[::1]:3000|http://[::1]:8000/x|same-site",
        "null|https://api.example.com/x|cross-site",
        "https://a.example.com|not a url|cross-site",
        "file:///tmp|https://api.example.com/x|cross-site",
        "https://a.example.com|mailto:a@example.com|cross-site",
        "http://[::ffff:1.2.3.4]|http://[::ffff:9.9.3.4]:81/x|cross-site"
      })
  void secFetchSite(String origin, String url, String site) {
    assertEquals(site, SecFetchSite.of(origin, url));
  }
}
