package dev.corsaudit.replica;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The replicas, read from YAML data files (built in under /replicas, or a directory). */
public final class ReplicaCatalog {

  private static final ObjectMapper YAML =
      YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final Map<String, Replica> replicas;

  private ReplicaCatalog(Map<String, Replica> replicas) {
    this.replicas = replicas;
  }

  /** A jar cannot be listed, so replicas/index.yaml names the files. */
  public static ReplicaCatalog loadBuiltin() {
    try {
      List<String> files = YAML.readValue(resource("replicas/index.yaml"), Index.class).files();
      Map<String, Replica> replicas = new LinkedHashMap<>();
      for (String file : files) {
        add(replicas, read(resource("replicas/" + file), file), file);
      }
      return new ReplicaCatalog(replicas);
    } catch (IOException e) {
      throw new IllegalStateException("built-in replica data is broken: " + e.getMessage(), e);
    }
  }

  public static ReplicaCatalog load(Path dir) throws IOException {
    Map<String, Replica> replicas = new LinkedHashMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.yaml")) {
      List<Path> sorted = new ArrayList<>();
      files.forEach(sorted::add);
      sorted.sort(null);
      for (Path file : sorted) {
        if (file.getFileName().toString().equals("index.yaml")) {
          continue;
        }
        try (InputStream in = Files.newInputStream(file)) {
          add(replicas, read(in, file.toString()), file.toString());
        }
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

  private static Replica read(InputStream in, String name) throws IOException {
    try {
      Replica replica = YAML.readValue(in, Replica.class);
      if (replica.id() == null || replica.rules().isEmpty()) {
        throw new IOException(name + ": a replica needs an id and at least one rule");
      }
      for (Replica.Rule rule : replica.rules()) {
        if (rule.respond() == null) {
          throw new IOException(name + ": every rule needs a 'respond'");
        }
      }
      return replica;
    } catch (JsonMappingException e) {
      throw new IOException(name + ": " + e.getOriginalMessage(), e);
    }
  }

  private static void add(Map<String, Replica> replicas, Replica replica, String name)
      throws IOException {
    if (replicas.put(replica.id(), replica) != null) {
      throw new IOException(name + ": replica id '" + replica.id() + "' is used twice");
    }
  }

  private static InputStream resource(String path) throws IOException {
    InputStream in = ReplicaCatalog.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IOException("missing resource " + path);
    }
    return in;
  }

  record Index(List<String> files) {}
}
