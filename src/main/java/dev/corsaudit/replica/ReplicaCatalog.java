package dev.corsaudit.replica;

import dev.corsaudit.model.ConfigException;
import dev.corsaudit.model.YamlNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The replicas, read from YAML data files (built in under /replicas, or a directory). Each file is
 * checked like providers.yaml (see {@link ReplicaLoader}); its replica id is its file name.
 */
public final class ReplicaCatalog {

  private final Map<String, Replica> replicas;

  private ReplicaCatalog(Map<String, Replica> replicas) {
    this.replicas = replicas;
  }

  /** A jar cannot be listed, so replicas/index.yaml names the files. */
  public static ReplicaCatalog loadBuiltin() {
    try {
      Map<String, Replica> replicas = new LinkedHashMap<>();
      for (String file : index(text(resource("replicas/index.yaml")))) {
        add(replicas, parse("replicas/" + file, text(resource("replicas/" + file)), file));
      }
      return new ReplicaCatalog(replicas);
    } catch (IOException | ConfigException e) {
      throw new IllegalStateException("built-in replica data is broken: " + e.getMessage(), e);
    }
  }

  /**
   * Every *.yaml file of a directory except index.yaml.
   *
   * @throws ConfigException for a malformed file, located as FILE:LINE:COLUMN
   */
  public static ReplicaCatalog load(Path dir) throws IOException {
    Map<String, Replica> replicas = new LinkedHashMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.yaml")) {
      List<Path> sorted = new ArrayList<>();
      files.forEach(sorted::add);
      sorted.sort(null);
      for (Path file : sorted) {
        String name = file.getFileName().toString();
        if (name.equals("index.yaml")) {
          continue;
        }
        add(replicas, parse(file.toString(), Files.readString(file), name));
      }
    }
    return new ReplicaCatalog(replicas);
  }

  public Set<String> ids() {
    return replicas.keySet();
  }

  public Replica get(String id) {
    return replicas.get(id);
  }

  private static Replica parse(String source, String yaml, String fileName) {
    return ReplicaLoader.parse(source, yaml, fileName.substring(0, fileName.length() - 5));
  }

  /** The file names listed by an index.yaml ({files: [a.yaml, ...]}). */
  static List<String> index(String yaml) {
    String source = "replicas/index.yaml";
    YamlNode root = YamlNode.parse(source, yaml);
    if (root == null
        || root.kind() != YamlNode.Kind.MAP
        || root.map().get("files") == null
        || root.map().get("files").kind() != YamlNode.Kind.LIST) {
      throw new ConfigException(source + ":1:1: the index must be {files: [name.yaml, ...]}");
    }
    List<String> files = new ArrayList<>();
    for (YamlNode item : root.map().get("files").list()) {
      if (item.kind() != YamlNode.Kind.STRING || !item.text().endsWith(".yaml")) {
        throw ConfigException.at(item, "not a data file name", "write name.yaml");
      }
      files.add(item.text());
    }
    return files;
  }

  private static void add(Map<String, Replica> replicas, Replica replica) {
    if (replicas.put(replica.id(), replica) != null) {
      throw new ConfigException("replica id '" + replica.id() + "' is used twice");
    }
  }

  private static String text(InputStream in) throws IOException {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static InputStream resource(String path) throws IOException {
    InputStream in = ReplicaCatalog.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IOException("missing resource " + path);
    }
    return in;
  }
}
