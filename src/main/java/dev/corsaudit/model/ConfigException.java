package dev.corsaudit.model;

/**
 * A problem in providers.yaml or a replica data file, located as FILE:LINE:COLUMN so editors can
 * jump to it.
 */
public final class ConfigException extends UserException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }

  public static ConfigException at(YamlNode node, String problem, String whatToDo) {
    return new ConfigException(node.where() + ": " + problem + "; " + whatToDo);
  }
}
