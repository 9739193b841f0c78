package dev.syngen.io.clickhouse;

import dev.syngen.core.sink.Redactor;
import dev.syngen.core.sink.SinkException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements over ClickHouse's HTTP interface with the JDK's client: works against every server
 * since 1.1 (tested with Debian's 18.16), where the official Java clients need 20.x or newer. The
 * credentials go in an Authorization header, never in the URL, so they appear in no error or log.
 */
final class ClickHouseHttp {
  private static final Duration CONNECT = Duration.ofSeconds(10);
  private static final Duration STATEMENT = Duration.ofMinutes(2);
  private static final Duration INSERT = Duration.ofMinutes(10);
  private static final int MAX_ERROR = 600;

  private final ClickHouseDsn dsn;
  private final HttpClient client;

  ClickHouseHttp(ClickHouseDsn dsn) {
    this.dsn = dsn;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT)
            .build();
  }

  ClickHouseDsn dsn() {
    return dsn;
  }

  /**
   * Runs a statement (its tables qualified with their database); returns the response body
   * (TabSeparated rows).
   */
  String execute(String sql) {
    return send(uri(null), sql.getBytes(StandardCharsets.UTF_8), STATEMENT, sql);
  }

  /** The result rows of a query, each split on tabs (values unescaped). */
  List<String[]> rows(String sql) {
    List<String[]> out = new ArrayList<>();
    for (String line : execute(sql + " FORMAT TabSeparated").split("\n")) {
      if (!line.isEmpty()) {
        String[] cells = line.split("\t", -1);
        for (int i = 0; i < cells.length; i++) {
          cells[i] = TabSeparated.unescape(cells[i]);
        }
        out.add(cells);
      }
    }
    return out;
  }

  /** Streams the rows of a query, split on tabs and unescaped, without holding the result. */
  void stream(String sql, java.util.function.Consumer<String[]> row) {
    HttpRequest request =
        HttpRequest.newBuilder(uri(null))
            .timeout(INSERT)
            .header("Authorization", dsn.authorization())
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    sql + " FORMAT TabSeparated", StandardCharsets.UTF_8))
            .build();
    try {
      HttpResponse<java.io.InputStream> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (java.net.ConnectException e) {
        throw e;
      } catch (IOException e) { // a pooled connection the server closed while idle: once more
        response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      }
      try (java.io.BufferedReader in =
          new java.io.BufferedReader(
              new java.io.InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        if (response.statusCode() != 200) {
          StringBuilder b = new StringBuilder();
          in.lines().limit(5).forEach(b::append);
          throw new ServerError(
              "clickhouse target "
                  + dsn
                  + ": "
                  + shorten(sql)
                  + " failed: "
                  + Redactor.text(shorten(b.toString())),
              b.toString());
        }
        String line;
        while ((line = in.readLine()) != null) {
          String[] cells = line.split("\t", -1);
          for (int i = 0; i < cells.length; i++) {
            cells[i] = TabSeparated.unescape(cells[i]);
          }
          row.accept(cells);
        }
      }
    } catch (IOException e) {
      throw new SinkException(
          "clickhouse target " + dsn + ": cannot reach the HTTP interface (" + e + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SinkException("clickhouse target " + dsn + ": interrupted", e);
    }
  }

  String scalar(String sql) {
    List<String[]> r = rows(sql);
    return r.isEmpty() ? "" : r.get(0)[0];
  }

  /**
   * Sends {@code body} as the data of {@code insert} ({@code INSERT … FORMAT …}) in one request.
   */
  void insert(String insert, byte[] body, int len, long rows) {
    // one block per request: an INSERT of a single block into a MergeTree table is atomic
    String settings = "&max_insert_block_size=" + Math.max(1_048_576, rows);
    send(uri(insert, settings), java.util.Arrays.copyOf(body, len), INSERT, insert);
  }

  private URI uri(String query, String... settings) {
    // every statement names its database, so none is set here (it may not exist yet)
    StringBuilder u =
        new StringBuilder(dsn.endpoint().toString()).append("?send_progress_in_http_headers=0");
    if (query != null) {
      u.append("&query=").append(URLEncoder.encode(query, StandardCharsets.UTF_8));
    }
    for (String s : settings) {
      u.append(s);
    }
    return URI.create(u.toString());
  }

  private String send(URI uri, byte[] body, Duration timeout, String what) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Authorization", dsn.authorization())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<String> response;
    try {
      response = sendOnce(request);
    } catch (IOException e) {
      throw new SinkException(
          "clickhouse target " + dsn + ": cannot reach the HTTP interface (" + e + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SinkException("clickhouse target " + dsn + ": interrupted", e);
    }
    if (response.statusCode() != 200) {
      throw new ServerError(
          "clickhouse target "
              + dsn
              + ": "
              + shorten(what)
              + " failed (HTTP "
              + response.statusCode()
              + "): "
              + Redactor.text(shorten(response.body().strip())),
          response.body());
    }
    return response.body();
  }

  /**
   * Sends once more on a fresh connection when a pooled one was closed by the server while idle
   * (its {@code keep_alive_timeout} is 3 s by default), which the JDK reports as an I/O error
   * before any response. Were the first attempt an INSERT the server had stored, the table would
   * hold that batch twice — the post-ingestion row-count check fails the run in that case.
   */
  private HttpResponse<String> sendOnce(HttpRequest request)
      throws IOException, InterruptedException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (java.net.ConnectException e) {
      throw e;
    } catch (IOException e) {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
  }

  private static String shorten(String s) {
    return s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR) + "…";
  }

  /** An error the server answered with; {@link #code} is ClickHouse's error code, or -1. */
  static final class ServerError extends SinkException {
    private static final long serialVersionUID = 1L;
    final int code;

    ServerError(String message, String body) {
      super(message);
      this.code = code(body);
    }

    private static int code(String body) {
      if (body != null && body.startsWith("Code: ")) {
        int end = body.indexOf(',');
        try {
          return Integer.parseInt(body.substring(6, end < 0 ? body.length() : end).trim());
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
          return -1;
        }
      }
      return -1;
    }
  }
}
