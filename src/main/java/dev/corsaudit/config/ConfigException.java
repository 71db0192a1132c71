package dev.corsaudit.config;

import dev.corsaudit.UserException;

/**
 * A problem in providers.yaml or a replica data file, located as FILE:LINE:COLUMN so editors can
 * jump to it.
 */
public final class ConfigException extends UserException {
  public ConfigException(String message) {
    super(message);
  }

  public static ConfigException at(YamlNode node, String problem, String whatToDo) {
    return new ConfigException(node.where() + ": " + problem + "; " + whatToDo);
  }
}
