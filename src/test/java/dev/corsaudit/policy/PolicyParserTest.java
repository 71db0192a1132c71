package dev.corsaudit.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.corsaudit.cli.PolicyCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The seed-000 policy rules, with its exact messages. */
class PolicyParserTest {

  private static CorsPolicy parse(String json) throws Exception {
    return PolicyParser.parse(new ObjectMapper().readTree(json));
  }

  @Test
  void theSeedsFourExampleBodiesAreAccepted() throws Exception {
    CorsPolicy minimum =
        parse(
            "{\"allow_origins\": [\"https://app.example.com\"], \"allow_methods\": [\"GET\", \"POST\", \"OPTIONS\"]}");
    assertEquals(List.of("Content-Type", "Authorization"), minimum.allowHeaders());
    assertEquals(86400, minimum.maxAge());
    assertEquals(true, minimum.allowCredentials());
    assertEquals(List.of(), minimum.exposeHeaders());
    parse(
        "{\"allow_origins\": [\"https://app.example.com\"], \"allow_methods\": [\"GET\", \"POST\", \"OPTIONS\"],"
            + " \"allow_headers\": [\"Content-Type\", \"Authorization\"], \"max_age\": 86400}");
    CorsPolicy multiple =
        parse(
            "{\"allow_origins\": [\"https://app.example.com\", \"https://staging.example.com\", \"http://localhost:3000\"],"
                + " \"allow_methods\": [\"GET\", \"POST\", \"OPTIONS\"], \"allow_headers\": [\"Content-Type\", \"Authorization\"], \"max_age\": 3600}");
    assertEquals(3600, multiple.maxAge());
    CorsPolicy wildcard =
        parse(
            "{\"allow_origins\": [\"*\"], \"allow_methods\": [\"GET\", \"POST\", \"OPTIONS\"],"
                + " \"allow_headers\": [\"Content-Type\", \"Authorization\"], \"allow_credentials\": false, \"max_age\": 86400}");
    assertEquals(false, wildcard.allowCredentials());
  }

  @Test
  void aliasesAndCanonicalWins() throws Exception {
    CorsPolicy p =
        parse(
            "{\"allowed_origins\": [\"https://a.example\"], \"allow_origins\": [\"https://b.example\"],"
                + " \"allowed_methods\": [\"POST\"], \"allowed_headers\": [\"X-A\"], \"max_age_seconds\": 10}");
    assertEquals(List.of("https://b.example"), p.allowOrigins());
    assertEquals(List.of("POST"), p.allowMethods());
    assertEquals(List.of("X-A"), p.allowHeaders());
    assertEquals(10, p.maxAge());
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"allow_methods\": [\"GET\"]}|allow_origins (or allowed_origins) is required.",
        "{\"allow_origins\": [\"https://a.example\"]}|allow_methods (or allowed_methods) is required.",
        "{\"allow_origins\": [\"*\"], \"allow_methods\": [\"GET\"]}|allow_origins cannot be '*' when allow_credentials is true (CORS spec).",
        "{\"allow_origins\": [\"*\"], \"allow_methods\": [\"GET\"], \"allow_credentials\": true}|allow_origins cannot be '*' when allow_credentials is true (CORS spec).",
        "{\"allow_origins\": [\"https://a.example\"], \"allow_methods\": [\"FETCH\"]}|allow_methods contains invalid method 'FETCH'; valid values: GET, POST, PUT, DELETE, PATCH, OPTIONS, HEAD.",
        "{\"allow_origins\": [\"https://a.example\"], \"allow_methods\": [\"GET\"], \"max_age\": -1}|max_age must be non-negative.",
        "{\"allow_origins\": \"https://a.example\", \"allow_methods\": [\"GET\"]}|allow_origins must be an array of strings.",
      })
  void invalidBodiesGetTheSeedsMessages(String json, String message) {
    PolicyException e = assertThrows(PolicyException.class, () -> parse(json));
    assertEquals(message, e.getMessage());
  }

  @Test
  void lintCommandExitCodes(@TempDir Path dir) throws Exception {
    Path good =
        Files.writeString(
            dir.resolve("good.json"),
            "{\"allow_origins\": [\"https://app.example.com\"], \"allow_methods\": [\"GET\", \"POST\", \"OPTIONS\"]}");
    Path bad =
        Files.writeString(
            dir.resolve("bad.json"), "{\"allow_origins\": [\"*\"], \"allow_methods\": [\"GET\"]}");
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"allow_origins\": [");
    assertEquals(0, lint(good).code);
    Result badResult = lint(bad);
    assertEquals(2, badResult.code);
    assertEquals(
        bad + ": allow_origins cannot be '*' when allow_credentials is true (CORS spec).\n",
        badResult.err);
    assertEquals(2, lint(broken).code);
    assertEquals(2, lint(dir.resolve("missing.json")).code);
  }

  private record Result(int code, String err) {}

  private static Result lint(Path file) {
    StringWriter err = new StringWriter();
    CommandLine cmd = new CommandLine(new PolicyCommand());
    cmd.setOut(new PrintWriter(new StringWriter()));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute("lint", file.toString());
    return new Result(code, err.toString());
  }
}
