package dev.corsaudit.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The JSON report as types: what {@code check --format json} writes and what {@code diff} and
 * {@code --baseline} read back, so both sides agree on one model (the schema is
 * src/main/resources/schema/cors-audit-report.schema.json). Components are in the JSON's key order
 * and named as in the JSON, in camel case (the mapper writes snake case).
 *
 * <p>Versioning: an added field does not change {@code schema_version}; a new value of an existing
 * field, or a changed meaning, does.
 */
public record ReportDocument(
    Tool tool,
    int schemaVersion,
    boolean replicas,
    boolean insecure,
    List<Row> results,
    String generatedAt,
    Boolean complete,
    Summary summary,
    boolean securityProbed,
    List<Finding> findings,
    @JsonInclude(JsonInclude.Include.NON_NULL) ShardInfo shard) {

  /** The schema_version this tool writes and the newest it reads. */
  public static final int SCHEMA_VERSION = 2;

  public ReportDocument {
    results = results == null ? List.of() : List.copyOf(results);
    findings = findings == null ? List.of() : List.copyOf(findings);
    // Reports made before the field existed were complete runs.
    complete = complete == null ? Boolean.TRUE : complete;
  }

  /** An unsharded report. */
  public ReportDocument(
      Tool tool,
      int schemaVersion,
      boolean replicas,
      boolean insecure,
      List<Row> results,
      String generatedAt,
      Boolean complete,
      Summary summary,
      boolean securityProbed,
      List<Finding> findings) {
    this(
        tool,
        schemaVersion,
        replicas,
        insecure,
        results,
        generatedAt,
        complete,
        summary,
        securityProbed,
        findings,
        null);
  }

  /**
   * Only in the report of one shard ({@code --shard I/N}): which shard, how many rows the whole
   * plan had, and each result's position in it, so {@code merge} can put the rows back in order.
   */
  public record ShardInfo(int index, int count, int plannedRows, List<Integer> rows) {
    public ShardInfo {
      rows = rows == null ? List.of() : List.copyOf(rows);
    }
  }

  /** What wrote the report. */
  public record Tool(String name, String version) {}

  /** Rows per verdict. */
  public record Summary(int total, int pass, int fail, int error, int skipped, int unfinished) {

    /** The counts of a report's rows, by their verdict. */
    public static Summary of(List<Row> rows) {
      int[] counts = new int[RowStatus.values().length];
      for (Row row : rows) {
        counts[RowStatus.valueOf(row.verdict()).ordinal()]++;
      }
      return new Summary(
          rows.size(),
          counts[RowStatus.PASS.ordinal()],
          counts[RowStatus.FAIL.ordinal()],
          counts[RowStatus.ERROR.ordinal()],
          counts[RowStatus.SKIPPED.ordinal()],
          counts[RowStatus.UNFINISHED.ordinal()]);
    }
  }

  /**
   * One row: provider × path × profile × origin. {@code path} is only written for providers audited
   * on several paths, so single-path rows keep the key they always had.
   */
  public record Row(
      String id,
      String name,
      @JsonInclude(JsonInclude.Include.NON_NULL) String path,
      String profile,
      String url,
      String probeUrl,
      String origin,
      String method,
      String credentials,
      List<List<String>> requestHeaders,
      String verdict,
      String skipReason,
      List<Cause> causes,
      List<Cause> warnings,
      Map<String, Engine> engines,
      Boolean preflightNeeded,
      List<String> readableResponseHeaders,
      Exchange preflight,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<EnginePreflight> enginePreflights,
      Exchange actual,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Redirect> redirects,
      String notes,
      List<String> models,
      List<String> tracking,
      Confirmation browserConfirmation,
      @JsonInclude(JsonInclude.Include.NON_NULL) LastGraded lastGraded) {

    public Row {
      requestHeaders = requestHeaders == null ? List.of() : requestHeaders;
      causes = causes == null ? List.of() : causes;
      warnings = warnings == null ? List.of() : warnings;
      engines = engines == null ? Map.of() : engines;
      models = models == null ? List.of() : models;
      tracking = tracking == null ? List.of() : tracking;
    }
  }

  /** A cause or warning: code, one-line message, the fix in policy terms, the item concerned. */
  public record Cause(String code, String message, String fix, String detail) {}

  /** One engine's verdict. */
  public record Engine(
      String verdict, List<Cause> causes, String consoleMessage, Integer preflightCacheSeconds) {}

  /**
   * A request fetch() made after a redirect of the actual request: where, how, with which Origin
   * ("null" once tainted), its own preflight (or null), the other hop preflights engines sent
   * (Firefox's with the page's origin, WebKit's with the first request's headers) and its response
   * (null when the hop's preflight failed).
   */
  public record Redirect(
      String url,
      String method,
      String origin,
      List<List<String>> requestHeaders,
      Exchange preflight,
      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<EnginePreflight> enginePreflights,
      Exchange response) {}

  /** A preflight only some engines send (see {@link dev.corsaudit.result.EnginePreflight}). */
  public record EnginePreflight(List<String> engines, Exchange exchange) {}

  /**
   * A request sent and what came back (status null when the network failed).
   *
   * @param recordedBy {@code "raw-http1"} when the raw HTTP/1.1 recorder took the response because
   *     the JDK client refused its header block; absent for the JDK client
   * @param rawHeaderLines with {@code raw-http1}: the header block line by line as received
   *     (terminators kept, secrets masked), which each engine read with its own parser rules;
   *     {@code headers} is then a lenient reading of it
   */
  public record Exchange(
      Request request,
      Integer status,
      String httpVersion,
      List<List<String>> headers,
      String contentType,
      String bodyHead,
      boolean bodyTruncated,
      String startedAt,
      long elapsedMs,
      Error error,
      @JsonInclude(JsonInclude.Include.NON_NULL) String recordedBy,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<String> rawHeaderLines) {

    /** The value of {@link #recordedBy} for the raw recorder. */
    public static final String RAW_HTTP1 = "raw-http1";

    public Exchange {
      headers = headers == null ? List.of() : headers;
    }
  }

  /** The request as it went on the wire. */
  public record Request(
      String method,
      String url,
      String httpVersion,
      List<List<String>> headers,
      List<List<String>> clientAddedHeaders) {}

  /** Why no response was recorded. */
  public record Error(String kind, String message) {}

  /** What a real browser did with the same fetch(). */
  public record Confirmation(
      String browser,
      String version,
      String verdict,
      String detail,
      boolean agrees,
      List<String> consoleLines) {}

  /** A security or policy finding. */
  public record Finding(
      String provider,
      String code,
      String severity,
      String origin,
      String probe,
      String message,
      String fix,
      List<List<String>> evidence) {}
}
