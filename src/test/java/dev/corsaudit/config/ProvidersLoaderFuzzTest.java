package dev.corsaudit.config;

import static org.junit.jupiter.api.Assertions.fail;

import dev.corsaudit.model.ConfigException;
import dev.corsaudit.model.CorsRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random damage to a valid providers.yaml (seeded, so a failure reproduces): whatever the input,
 * the loader either loads it or throws a located ConfigException — never anything else.
 */
class ProvidersLoaderFuzzTest {

  private static final String ALPHABET = " :-[]{}&*!|>'\"#\n\t,?%@`0aZ/.\\\u00e9";

  @Test
  @Timeout(60)
  void onlyLocatedConfigExceptionsEscape() throws Exception {
    String valid = Files.readString(Path.of("providers.yaml"));
    Random random = new Random(20261123L);
    for (int i = 0; i < 2000; i++) {
      StringBuilder text = new StringBuilder(valid);
      int edits = 1 + random.nextInt(8);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(text.length());
        switch (random.nextInt(4)) {
          case 0 -> text.deleteCharAt(at);
          case 1 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
          case 2 -> text.setCharAt(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
          default -> {
            int end = Math.min(text.length(), at + random.nextInt(200));
            text.delete(at, end);
          }
        }
      }
      try {
        ProvidersFile file = ProvidersLoader.parse("fuzz.yaml", text.toString());
        // Whatever loads must also plan: records built from it are valid.
        file.providers()
            .forEach(
                p ->
                    new CorsRequest(
                        p.url(),
                        p.origins().get(0),
                        p.method(),
                        java.util.List.of(),
                        p.credentials()));
      } catch (ConfigException expected) {
        if (!expected.getMessage().startsWith("fuzz.yaml")) {
          fail("unlocated error at iteration " + i + ": " + expected.getMessage());
        }
      } catch (RuntimeException | StackOverflowError other) {
        fail("iteration " + i + " threw " + other + " for input:\n" + text, other);
      }
    }
  }
}
