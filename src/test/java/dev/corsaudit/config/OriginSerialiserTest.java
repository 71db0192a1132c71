package dev.corsaudit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.model.Setting;
import dev.corsaudit.model.UserException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OriginSerialiserTest {

  @ParameterizedTest
  @CsvSource({
    "https://APP.example.com, https://app.example.com",
    "HTTPS://app.example.com:443, https://app.example.com",
    "http://localhost:80/, http://localhost",
    "http://localhost:3000, http://localhost:3000",
    "https://app.example.com:8443/, https://app.example.com:8443",
    "https://bücher.example, https://xn--bcher-kva.example",
    "http://[::1]:8080, http://[::1]:8080",
    "app://obsidian.md, app://obsidian.md",
    "null, null",
  })
  void serialisesAsABrowser(String typed, String sent) {
    assertEquals(sent, OriginSerialiser.serialise(typed));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://app.example.com/chat|it has a path; an origin ends after the host or port); did you mean https://app.example.com?",
        "https://app.example.com:443?x=1|it has a query; an origin ends after the host or port); did you mean https://app.example.com?",
        "app.example.com|no scheme://host); write scheme://host[:port]",
        "https://user@app.example.com|it has a user name",
        "http://localhost:99999|the port '99999' is not a number from 0 to 65535",
      })
  void refusesWhatIsNotAnOrigin(String typed, String message) {
    UserException e = assertThrows(UserException.class, () -> OriginSerialiser.serialise(typed));
    assertTrue(
        e.getMessage().startsWith("'" + typed + "' is not an origin (" + message), e.getMessage());
    assertEquals(Setting.ORIGIN, e.setting());
  }
}
