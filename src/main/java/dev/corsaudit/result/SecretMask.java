package dev.corsaudit.result;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.corsaudit.model.Exchange;
import dev.corsaudit.model.HeaderLine;
import dev.corsaudit.model.SentRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Redaction by value: every secret the user supplied (values of secret-looking request headers, the
 * api_key_env key the actual request carried, URL userinfo and secret query values) is masked
 * wherever it appears in an output, including where a server echoed it back in a response header, a
 * 401 body or an error message. Each secret is also masked in the forms the formats escape it to
 * (JSON, XML, Markdown, percent-encoding).
 *
 * <p>Values shorter than {@link #MIN_LENGTH} are left to the by-name rule: masking every "x" would
 * destroy the report, and no real key is that short.
 */
public final class SecretMask {

  public static final int MIN_LENGTH = 6;

  public static final SecretMask NONE = new SecretMask(List.of());

  /** Longest first, so a secret that contains another is masked whole. */
  private final List<String> needles;

  private SecretMask(Collection<String> secrets) {
    Set<String> forms = new LinkedHashSet<>();
    for (String secret : secrets) {
      if (secret == null || secret.length() < MIN_LENGTH || secret.contains(Redactor.URL_MASK)) {
        continue;
      }
      forms.add(secret);
      forms.add(new String(JsonStringEncoder.getInstance().quoteAsString(secret)));
      forms.add(xml(secret));
      forms.add(Escape.markdownText(secret));
      forms.add(Escape.visible(secret, false));
      forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
      forms.add(Redactor.decode(secret));
    }
    forms.removeIf(f -> f.length() < MIN_LENGTH);
    List<String> sorted = new ArrayList<>(forms);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    this.needles = List.copyOf(sorted);
  }

  public static SecretMask of(Collection<String> secrets) {
    return new SecretMask(secrets);
  }

  /** The secrets a run was given: request headers, URLs and what the probes actually sent. */
  public static SecretMask of(AuditRun run) {
    Set<String> secrets = new LinkedHashSet<>();
    for (AuditResult result : run.results()) {
      collect(result, secrets);
    }
    return new SecretMask(secrets);
  }

  /**
   * The secrets of planned targets, known before any probe runs: their request headers and URLs.
   * With the api_key_env values ({@link #with}) that is everything a run can send, so a streaming
   * writer can mask from the first row on.
   */
  public static SecretMask ofTargets(Collection<AuditTarget> targets) {
    Set<String> secrets = new LinkedHashSet<>();
    for (AuditTarget target : targets) {
      if (target.request() != null) {
        headers(target.request().headers(), secrets);
        url(target.request().url(), secrets);
      }
      url(target.probeUrl(), secrets);
    }
    return new SecretMask(secrets);
  }

  public static SecretMask of(AuditResult result) {
    Set<String> secrets = new LinkedHashSet<>();
    collect(result, secrets);
    return new SecretMask(secrets);
  }

  /** This mask and also {@code more} (e.g. the values of the providers' api_key_env variables). */
  public SecretMask with(Collection<String> more) {
    List<String> all = new ArrayList<>(needles);
    all.addAll(more);
    return new SecretMask(all);
  }

  public boolean isEmpty() {
    return needles.isEmpty();
  }

  public String apply(String text) {
    if (text == null || needles.isEmpty()) {
      return text;
    }
    String out = text;
    for (String needle : needles) {
      if (out.contains(needle)) {
        out = out.replace(needle, Redactor.MASK);
      }
    }
    return out;
  }

  /** The XML form (JUnit): the five entities. */
  private static String xml(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&apos;");
  }

  private static void collect(AuditResult result, Set<String> secrets) {
    if (result.target() != null && result.target().request() != null) {
      headers(result.target().request().headers(), secrets);
      url(result.target().request().url(), secrets);
      url(result.target().probeUrl(), secrets);
    }
    exchange(result.preflight(), secrets);
    exchange(result.actual(), secrets);
  }

  private static void exchange(Exchange exchange, Set<String> secrets) {
    if (exchange == null || exchange.request() == null) {
      return;
    }
    SentRequest sent = exchange.request();
    headers(sent.headers(), secrets);
    headers(sent.clientAddedHeaders(), secrets);
    url(sent.url(), secrets);
  }

  static void headers(List<HeaderLine> lines, Set<String> secrets) {
    for (HeaderLine line : lines) {
      if (!Redactor.isSecret(line.name())) {
        continue;
      }
      String value = line.value().strip();
      secrets.add(value);
      int space = value.indexOf(' ');
      if (space > 0) {
        // "Bearer sk-…": the credential alone is what a server echoes back.
        secrets.add(value.substring(space + 1).strip());
      }
      if (line.lowerName().equals("cookie")) {
        for (String pair : value.split(";")) {
          int eq = pair.indexOf('=');
          if (eq > 0) {
            secrets.add(pair.substring(eq + 1).strip());
          }
        }
      }
    }
  }

  static void url(String url, Set<String> secrets) {
    if (url == null) {
      return;
    }
    try {
      URI uri = URI.create(url);
      String userInfo = uri.getRawUserInfo();
      if (userInfo != null) {
        secrets.add(userInfo);
        String[] parts = userInfo.split(":", 2);
        // The password; a user name alone is a token (https://TOKEN@host), a user name before a
        // password is not a secret.
        secrets.add(parts.length == 2 ? parts[1] : parts[0]);
      }
      String query = uri.getRawQuery();
      if (query != null) {
        for (String param : query.split("&")) {
          int eq = param.indexOf('=');
          if (eq > 0 && Redactor.isSecretParam(Redactor.decode(param.substring(0, eq)))) {
            secrets.add(param.substring(eq + 1));
          }
        }
      }
    } catch (IllegalArgumentException e) {
      // not a URL: nothing to collect from it
    }
  }
}
