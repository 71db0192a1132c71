package dev.corsaudit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.corsaudit.model.CredentialsMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A built provider is the provider a providers file gives for the same declarations. */
class ProviderBuilderTest {

  private static Provider loaded(String entry) {
    Provider provider =
        ProvidersLoader.parse("t.yaml", "providers:\n  - id: p\n" + entry).providers().get(0);
    // The one thing a file has that a built provider has not: where the entry starts.
    return new Provider(
        provider.id(),
        provider.name(),
        provider.baseUrl(),
        provider.path(),
        provider.url(),
        provider.method(),
        provider.profiles(),
        provider.origins(),
        provider.credentials(),
        provider.notes(),
        provider.models(),
        provider.tracking(),
        provider.replica(),
        provider.replicaOnly(),
        provider.apiKeyEnv(),
        provider.actual(),
        provider.policy(),
        provider.group(),
        provider.noReplica(),
        provider.endpoints(),
        null);
  }

  @Test
  void nothingButAnIdAndABaseUrlGetsTheFilesDefaults() {
    assertEquals(
        loaded("    base_url: https://api.example.com/v1\n"),
        Provider.builder("p", "https://api.example.com/v1").build());
  }

  @Test
  void eachSetterIsTheFieldOfTheSameName() {
    assertEquals(
        loaded(
            "    name: P\n"
                + "    base_url: https://api.example.com/v1/\n"
                + "    path: /embeddings\n"
                + "    method: PUT\n"
                + "    origins: [https://app.example]\n"
                + "    credentials: include\n"
                + "    notes: n\n"
                + "    models: [m]\n"
                + "    tracking: [https://github.com/o/r/issues/1]\n"
                + "    replica: openai\n"
                + "    actual: true\n"),
        Provider.builder("p", "https://api.example.com/v1/")
            .name("P")
            .path("/embeddings")
            .method("PUT")
            .origins(List.of("https://app.example"))
            .credentials(CredentialsMode.INCLUDE)
            .notes("n")
            .models(List.of("m"))
            .tracking(List.of("https://github.com/o/r/issues/1"))
            .replica("openai")
            .actual(true)
            .build());
  }

  @Test
  void endpointsSetThePathAndMethodOfTheFirst() {
    Provider built =
        Provider.builder("p", "https://api.example.com/v1")
            .endpoints(List.of(new Endpoint("/a", "GET"), new Endpoint("/b", "POST")))
            .build();
    assertEquals("/a", built.path());
    assertEquals("GET", built.method());
    assertEquals("https://api.example.com/v1/a", built.url());
    assertEquals(2, built.endpoints().size());
  }
}
