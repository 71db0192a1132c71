package dev.corsaudit.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --browser finds the usual names on PATH, in order, and says what it searched. */
class BrowserBinariesTest {

  @TempDir Path dir;

  private Path executable(Path folder, String name) throws Exception {
    Files.createDirectories(folder);
    Path file = folder.resolve(name);
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }

  @Test
  void theUsualNamesAreFoundOnPath() throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Path chrome = executable(b, "google-chrome");
    Files.createDirectories(a);
    Files.writeString(a.resolve("chromium"), "not executable");
    String path = a + File.pathSeparator + b;
    assertEquals(chrome, BrowserBinaries.search("chromium", path));
    Path esr = executable(a, "firefox-esr");
    assertEquals(esr, BrowserBinaries.search("firefox", path));
    Path firefox = executable(b, "firefox");
    assertEquals(firefox, BrowserBinaries.search("firefox", path), "firefox before firefox-esr");
  }

  @Test
  void notFoundSaysWhereItLooked() {
    String message = BrowserBinaries.notFound("firefox");
    assertTrue(message.contains("firefox, firefox-esr"), message);
    assertTrue(message.contains("/Applications/Firefox.app"), message);
  }
}
