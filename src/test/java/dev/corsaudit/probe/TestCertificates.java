package dev.corsaudit.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Self-signed test certificates made with the JDK's keytool, once per JVM and set of parameters:
 * keytool costs about a second, and a mutation run executes the TLS tests hundreds of times in the
 * same JVM. Each store holds the alias {@code server} (EC P-256) under {@link #PASSWORD}, with its
 * certificate beside it as PEM ({@link #pem}).
 */
final class TestCertificates {

  static final String PASSWORD = "changeit";

  private static final Map<String, Path> STORES = new HashMap<>();
  private static Path home;

  private TestCertificates() {}

  /**
   * @param san keytool's SAN= value, e.g. {@code ip:127.0.0.1,dns:localhost}
   * @param startDate keytool's -startdate (e.g. {@code -10d}), or null for now
   * @param days validity
   */
  static synchronized Path keyStore(String san, String startDate, int days) throws Exception {
    String key = san + "|" + startDate + "|" + days;
    Path cached = STORES.get(key);
    if (cached != null) {
      return cached;
    }
    if (home == null) {
      home = Files.createTempDirectory("cors-audit-test-certs-");
      home.toFile().deleteOnExit();
    }
    Path store = home.resolve("server-" + STORES.size() + ".p12");
    List<String> generate =
        new ArrayList<>(
            List.of(
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=" + san,
                "-validity",
                String.valueOf(days),
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD));
    if (startDate != null) {
      generate.addAll(List.of("-startdate", startDate));
    }
    keytool(generate);
    store.toFile().deleteOnExit();
    Path pem = pem(store);
    keytool(
        List.of(
            "-exportcert",
            "-rfc",
            "-alias",
            "server",
            "-keystore",
            store.toString(),
            "-storepass",
            PASSWORD,
            "-file",
            pem.toString()));
    pem.toFile().deleteOnExit();
    STORES.put(key, store);
    return store;
  }

  /** The certificate of {@code store} as a PEM file (what --cacert takes). */
  static Path pem(Path store) {
    return store.resolveSibling(store.getFileName().toString().replace(".p12", ".pem"));
  }

  private static void keytool(List<String> args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertEquals(true, p.waitFor(30, TimeUnit.SECONDS), "keytool ran too long");
    assertEquals(0, p.exitValue(), output);
  }
}
