package dev.corsaudit.grade;

import dev.corsaudit.model.CredentialsMode;
import dev.corsaudit.model.HeaderLine;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Which response headers script can read (Fetch "CORS-safelisted response-header name"). */
final class ExposedHeaders {

  static final Set<String> SAFELISTED =
      Set.of(
          "cache-control",
          "content-language",
          "content-length",
          "content-type",
          "expires",
          "last-modified",
          "pragma");

  private ExposedHeaders() {}

  static List<String> readable(List<HeaderLine> headers, CredentialsMode credentials) {
    HeaderLists.Parsed exposed = HeaderLists.parse(headers, "Access-Control-Expose-Headers");
    Set<String> listed = new LinkedHashSet<>();
    if (exposed.values() != null) {
      exposed.values().forEach(v -> listed.add(v.toLowerCase(Locale.ROOT)));
    }
    boolean all = listed.contains("*") && credentials != CredentialsMode.INCLUDE;
    Set<String> out = new LinkedHashSet<>();
    for (HeaderLine line : headers) {
      String name = line.lowerName();
      if (name.equals("set-cookie") || name.equals("set-cookie2")) {
        continue;
      }
      if (all || SAFELISTED.contains(name) || listed.contains(name)) {
        out.add(name);
      }
    }
    return List.copyOf(out);
  }

  /** Headers an LLM app wants to read: rate limits, retry hints, request ids. */
  static boolean isInteresting(String lowerName) {
    return lowerName.startsWith("x-ratelimit")
        || lowerName.startsWith("ratelimit")
        || lowerName.startsWith("anthropic-ratelimit")
        || lowerName.equals("retry-after")
        || lowerName.endsWith("request-id")
        || lowerName.equals("openai-processing-ms");
  }
}
