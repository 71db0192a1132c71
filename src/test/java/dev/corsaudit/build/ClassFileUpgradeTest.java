package dev.corsaudit.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The upgraded picocli classes verify and behave; the jar keeps its order, times and content. */
class ClassFileUpgradeTest {

  @TempDir Path dir;

  private static Path picocliJar() throws URISyntaxException {
    return Path.of(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void picocliShipsClassFilesThatCdsRefuses() throws Exception {
    try (JarFile jar = new JarFile(picocliJar().toFile());
        InputStream in = jar.getInputStream(jar.getEntry("picocli/CommandLine.class"))) {
      assertTrue(ClassFileUpgrade.majorVersion(in.readAllBytes()) < ClassFileUpgrade.CDS_MINIMUM);
    }
  }

  @Test
  void everyUpgradedPicocliClassVerifiesAndRuns() throws Exception {
    Path jar = dir.resolve("picocli.jar");
    Files.copy(picocliJar(), jar);
    int upgraded = ClassFileUpgrade.rewrite(jar);
    assertTrue(upgraded > 200, "picocli's classes: " + upgraded);

    Map<String, byte[]> classes = new HashMap<>();
    try (JarFile rewritten = new JarFile(jar.toFile())) {
      for (JarEntry entry : Collections.list(rewritten.entries())) {
        if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
          byte[] bytes = rewritten.getInputStream(entry).readAllBytes();
          assertEquals(52, ClassFileUpgrade.majorVersion(bytes), entry.getName());
          classes.put(entry.getName().replace('/', '.').replace(".class", ""), bytes);
        }
      }
    }
    ClassLoader loader = new Isolated(classes);
    for (String name : classes.keySet()) {
      // Initialising links the class, i.e. runs the verifier over the computed frames.
      Class.forName(name, true, loader);
    }
    Class<?> ansi = Class.forName("picocli.CommandLine$Help$Ansi", true, loader);
    Object on = ansi.getMethod("valueOf", String.class).invoke(null, "ON");
    assertEquals(
        "\u001B[1mbold\u001B[21m\u001B[0m",
        ansi.getMethod("string", String.class).invoke(on, "@|bold bold|@"));
  }

  @Test
  void entriesKeepTheirOrderTimesAndBytes() throws IOException {
    Path jar = dir.resolve("plain.jar");
    List<String> names = List.of("META-INF/MANIFEST.MF", "b.txt", "a/c.txt");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(jar))) {
      long time = 315532800000L + 86_400_000L * 400;
      for (String name : names) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(time);
        out.putNextEntry(entry);
        out.write(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.closeEntry();
      }
    }
    byte[] before = Files.readAllBytes(jar);

    assertEquals(0, ClassFileUpgrade.rewrite(jar));

    assertEquals(
        java.util.Arrays.toString(before), java.util.Arrays.toString(Files.readAllBytes(jar)));
    List<String> after = new ArrayList<>();
    try (JarFile rewritten = new JarFile(jar.toFile())) {
      Collections.list(rewritten.entries()).forEach(e -> after.add(e.getName()));
    }
    assertEquals(names, after);
  }

  /** Loads the given classes itself (child first), everything else from the JDK. */
  private static final class Isolated extends ClassLoader {
    private final Map<String, byte[]> classes;

    Isolated(Map<String, byte[]> classes) {
      super(ClassLoader.getPlatformClassLoader());
      this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = classes.get(name);
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }
  }
}
