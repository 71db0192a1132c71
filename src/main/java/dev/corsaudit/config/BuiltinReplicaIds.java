package dev.corsaudit.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ids a provider's {@code replica:} may name: the built-in data files listed in
 * replicas/index.yaml (the replica package reads the files themselves; config only needs their
 * names, so a typo is a located error of providers.yaml instead of a silently skipped row).
 */
final class BuiltinReplicaIds {

  private static final Pattern FILE =
      Pattern.compile("(?m)^\\s*-\\s*([A-Za-z0-9_.-]+)\\.yaml\\s*$");
  private static volatile Set<String> ids;

  private BuiltinReplicaIds() {}

  static Set<String> get() {
    Set<String> known = ids;
    if (known == null) {
      known = new TreeSet<>();
      try (InputStream in =
          BuiltinReplicaIds.class.getClassLoader().getResourceAsStream("replicas/index.yaml")) {
        if (in != null) {
          Matcher m = FILE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          while (m.find()) {
            known.add(m.group(1));
          }
        }
      } catch (IOException e) {
        // No index: nothing to check against (the replica package reports broken data).
      }
      ids = known;
    }
    return known;
  }

  /** "did you mean 'x'?" for the closest id, else the list. */
  static String suggestion(String typed) {
    String best =
        get().stream().min(Comparator.comparingInt(id -> distance(id, typed))).orElse(null);
    if (best != null && distance(best, typed) <= Math.max(2, typed.length() / 3)) {
      return "did you mean '" + best + "'?";
    }
    return "use one of " + String.join(", ", get()) + ", or drop replica: and run live";
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
