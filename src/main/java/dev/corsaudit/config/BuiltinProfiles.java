package dev.corsaudit.config;

import dev.corsaudit.model.HeaderLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The header sets real browser apps send. Key values are deliberately invalid placeholders: a
 * preflight never carries them, and an actual request made with them must be refused. Sources:
 * openai-node src/client.ts and internal/detect-platform.ts, anthropic-sdk-typescript src/client.ts
 * (see shared/reference/llm-provider-field-notes.md §4).
 */
public final class BuiltinProfiles {

  public static final String PLACEHOLDER_KEY = "sk-cors-audit-placeholder";

  private BuiltinProfiles() {}

  public static Map<String, HeaderProfile> all() {
    Map<String, HeaderProfile> profiles = new LinkedHashMap<>();
    // No page-set headers at all: fetch(url, {method}) as written, e.g. a simple GET (no preflight
    // unless the method needs one). The only way to say that with --url, where no --header means
    // the fetch profile.
    profiles.put(
        "none",
        new HeaderProfile(
            "none",
            "fetch() with no page-set headers (a simple request for GET/HEAD/POST)",
            List.of()));
    List<HeaderLine> fetch =
        List.of(
            new HeaderLine("Authorization", "Bearer " + PLACEHOLDER_KEY),
            new HeaderLine("Content-Type", "application/json"));
    profiles.put(
        "fetch",
        new HeaderProfile(
            "fetch",
            "plain fetch() with a bearer key and a JSON body (what the compatibility report tested)",
            fetch));

    List<HeaderLine> openai = new ArrayList<>(fetch);
    openai.add(new HeaderLine("Accept", "application/json"));
    openai.addAll(stainless("5.23.1"));
    profiles.put(
        "openai-sdk",
        new HeaderProfile(
            "openai-sdk",
            "the official OpenAI JS SDK in a browser (dangerouslyAllowBrowser: true)",
            openai));

    List<HeaderLine> anthropic = new ArrayList<>();
    anthropic.add(new HeaderLine("x-api-key", PLACEHOLDER_KEY));
    anthropic.add(new HeaderLine("anthropic-version", "2023-06-01"));
    anthropic.add(new HeaderLine("anthropic-dangerous-direct-browser-access", "true"));
    anthropic.add(new HeaderLine("Content-Type", "application/json"));
    anthropic.add(new HeaderLine("Accept", "application/json"));
    anthropic.addAll(stainless("0.60.0"));
    profiles.put(
        "anthropic-sdk",
        new HeaderProfile(
            "anthropic-sdk",
            "the official Anthropic JS SDK in a browser (dangerouslyAllowBrowser: true)",
            anthropic));

    List<HeaderLine> openrouter = new ArrayList<>(fetch);
    openrouter.add(new HeaderLine("HTTP-Referer", "https://example.com/"));
    openrouter.add(new HeaderLine("X-Title", "cors-audit"));
    profiles.put(
        "openrouter",
        new HeaderProfile(
            "openrouter",
            "an OpenRouter app: fetch plus the app attribution headers HTTP-Referer and X-Title",
            openrouter));
    return profiles;
  }

  /** The platform headers Stainless-generated SDKs add to every request from a browser. */
  private static List<HeaderLine> stainless(String packageVersion) {
    return List.of(
        new HeaderLine("X-Stainless-Lang", "js"),
        new HeaderLine("X-Stainless-Package-Version", packageVersion),
        new HeaderLine("X-Stainless-OS", "Unknown"),
        new HeaderLine("X-Stainless-Arch", "unknown"),
        new HeaderLine("X-Stainless-Runtime", "browser:chrome"),
        new HeaderLine("X-Stainless-Runtime-Version", "156.0.0"),
        new HeaderLine("X-Stainless-Retry-Count", "0"),
        new HeaderLine("X-Stainless-Timeout", "600"));
  }
}
