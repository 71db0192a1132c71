package dev.corsaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corsaudit.model.HeaderLine;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class ConvertersTest {

  @ParameterizedTest(name = "{0} = {1} ms")
  @CsvSource({
    "10s,10000",
    "500ms,500",
    "2m,120000",
    "1.5s,1500",
    "10,10000",
    "1h,3600000",
    " 3 s ,3000"
  })
  void durations(String text, long millis) {
    assertEquals(Duration.ofMillis(millis), new DurationConverter().convert(text));
  }

  @Test
  void badDurationsSayHowToWriteThem() {
    var e =
        assertThrows(
            CommandLine.TypeConversionException.class,
            () -> new DurationConverter().convert("soon"));
    assertTrue(e.getMessage().contains("write e.g. 10s, 500ms or 2m"), e.getMessage());
    assertThrows(
        CommandLine.TypeConversionException.class, () -> new DurationConverter().convert("0"));
  }

  @Test
  void headersAreParsedLikeCurl() {
    assertEquals(
        new HeaderLine("X-Title", "My App: v2"),
        new HeaderConverter().convert("X-Title:  My App: v2 "));
    assertEquals(new HeaderLine("X-Empty", ""), new HeaderConverter().convert("X-Empty:"));
    var e =
        assertThrows(
            CommandLine.TypeConversionException.class,
            () -> new HeaderConverter().convert("no colon"));
    assertTrue(e.getMessage().contains("'Name: value'"));
    assertThrows(
        CommandLine.TypeConversionException.class,
        () -> new HeaderConverter().convert("Bad Name: x"));
  }

  @Test
  void badDurationOnTheCommandLineIsExitTwo() {
    CliRun run = CliRun.of("check", "--replicas", "--timeout", "soon");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("'soon' is not a duration"), run.err());
  }

  @org.junit.jupiter.api.Test
  void headerValuesLoseOnlyHttpWhitespace() {
    HeaderConverter converter = new HeaderConverter();
    org.junit.jupiter.api.Assertions.assertEquals(
        "a\u000bb\u0001", converter.convert("X-A: \ta\u000bb\u0001 \r\n").value());
    org.junit.jupiter.api.Assertions.assertEquals(
        "\u0001v", converter.convert("X-B:\u0001v").value(), "a leading control byte is kept");
  }
}
