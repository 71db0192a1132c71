package dev.corsaudit.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven stamped into the build. */
public final class ToolVersion {

  public static final String NAME = "cors-audit";

  private static final String VERSION = load();

  private ToolVersion() {}

  public static String version() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = ToolVersion.class.getResourceAsStream("/cors-audit-version.properties")) {
      if (in == null) {
        return "dev";
      }
      Properties props = new Properties();
      props.load(in);
      return props.getProperty("version", "dev");
    } catch (IOException e) {
      return "dev";
    }
  }
}
