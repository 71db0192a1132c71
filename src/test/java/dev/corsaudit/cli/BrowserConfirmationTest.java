package dev.corsaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * --browser: the same fetch() in a real browser, from a page at the audited origin, side by side.
 */
@Timeout(180)
class BrowserConfirmationTest {

  @ParameterizedTest
  @CsvSource({
    "chromium,/usr/bin/chromium,Access to fetch at",
    "firefox,/usr/bin/firefox-esr,Cross-Origin Request Blocked"
  })
  void browserAgreesWithTheVerdicts(String browser, String binary, String consolePrefix)
      throws Exception {
    assumeFalse(Boolean.getBoolean("browsers.skip"), "browsers.skip=true");
    assumeTrue(Files.isExecutable(Path.of(binary)), binary + " is not installed");
    CliRun run =
        CliRun.of(
            "check",
            "--replicas",
            "--only",
            "azure,nvidia-nim,xerotier",
            "--profile",
            "fetch",
            "--browser",
            browser,
            "--actual",
            "--format",
            "json");
    assertEquals(1, run.code(), run.err());
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertEquals(java.util.Set.of(), ReportSchema.validate(json));
    String seen = "";
    for (JsonNode row : json.path("results")) {
      JsonNode c = row.path("browser_confirmation");
      seen +=
          row.path("id").asText()
              + "="
              + c.path("verdict").asText()
              + (c.path("agrees").asBoolean() ? "/agrees " : "/DISAGREES ");
    }
    // xerotier is audited from https://app.example.com with credentials: the page really lives
    // there.
    assertEquals("azure=PASS/agrees nvidia-nim=FAIL/agrees xerotier=PASS/agrees ", seen);
    JsonNode nim = json.path("results").get(1).path("browser_confirmation");
    assertTrue(nim.path("console_lines").get(0).asText().startsWith(consolePrefix), nim.toString());
  }
}
