package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A small client for the REST API of a running syngen server: anonymous, admin and viewer calls,
 * JSON bodies, and waiting for a run to reach a status.
 */
final class Api {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ADMIN = "admin";
  static final String VIEWER = "viewer";

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI base;
  private final String adminPassword;
  private final String viewerPassword;

  Api(URI base, String adminPassword, String viewerPassword) {
    this.base = base;
    this.adminPassword = adminPassword;
    this.viewerPassword = viewerPassword;
  }

  /** The server the build started for the integration tests, once it is ready. */
  static Api itServer() {
    String url = System.getProperty("syngen.base.url", "http://localhost:9080");
    Api api =
        new Api(
            URI.create(url.endsWith("/") ? url : url + "/"),
            System.getProperty("syngen.it.admin.password", "it-admin-secret"),
            System.getProperty("syngen.it.viewer.password", "it-viewer-secret"));
    api.awaitReady(Duration.ofSeconds(90));
    return api;
  }

  /** The password a server generated for the user of {@code role}, or null if it generated none. */
  static String generatedPassword(Path serverDir, String role) {
    Path file = serverDir.resolve("configDropins/overrides/zz-syngen-generated-passwords.xml");
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      Matcher m =
          Pattern.compile(
                  "name=\"syngen."
                      + role
                      + ".password\" (?:value|defaultValue)=\"\\{xor\\}([^\"]+)\"")
              .matcher(Files.readString(file));
      if (!m.find()) {
        return null;
      }
      byte[] b = Base64.getDecoder().decode(m.group(1));
      for (int i = 0; i < b.length; i++) {
        b[i] ^= '_';
      }
      return new String(b, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file, e);
    }
  }

  URI base() {
    return base;
  }

  String adminPassword() {
    return adminPassword;
  }

  void awaitReady(Duration timeout) {
    await(
        base + "health/ready UP",
        timeout,
        Duration.ofMillis(500),
        () -> {
          try {
            Reply r = anonymous("GET", "health/ready", null);
            return r.status() + " " + r.body();
          } catch (RuntimeException e) {
            return e.toString();
          }
        },
        seen -> seen.startsWith("200 "));
  }

  /**
   * Reads {@code read} every {@code every} (the first time at once) until {@code done} holds and
   * returns that value (Awaitility); after {@code timeout} fails naming {@code what} and the last
   * value read.
   */
  static <T> T await(
      String what, Duration timeout, Duration every, Callable<T> read, Predicate<T> done) {
    AtomicReference<T> last = new AtomicReference<>();
    try {
      return Awaitility.await(what)
          .atMost(timeout)
          .pollDelay(Duration.ZERO)
          .pollInterval(every)
          .until(
              () -> {
                T value = read.call();
                last.set(value);
                return value;
              },
              done);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "not within " + timeout.toSeconds() + " s: " + what + "; last: " + last.get(), e);
    }
  }

  Reply anonymous(String method, String path, String json) {
    return call(method, path, "application/json", json, null, null);
  }

  Reply admin(String method, String path, String json) {
    return call(method, path, "application/json", json, ADMIN, adminPassword);
  }

  Reply viewer(String method, String path, String json) {
    return call(method, path, "application/json", json, VIEWER, viewerPassword);
  }

  Reply call(
      String method, String path, String contentType, String body, String user, String password) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", contentType);
    }
    if (user != null) {
      String token = user + ":" + password;
      b.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Polls GET /runs/{id} until its status is one of {@code statuses}. */
  JsonNode awaitRun(String id, Set<String> statuses, Duration timeout) {
    return await(
        "run " + id + " in " + statuses,
        timeout,
        Duration.ofMillis(100),
        () -> viewer("GET", "api/v1/runs/" + id, null).json(),
        run -> statuses.contains(run.path("status").asText()));
  }

  /** Polls GET /runs/{id} until it has generated at least {@code rows} rows. */
  JsonNode awaitRows(String id, long rows, Duration timeout) {
    return await(
        "run " + id + " to generate " + rows + " rows",
        timeout,
        Duration.ofMillis(20),
        () -> viewer("GET", "api/v1/runs/" + id, null).json(),
        run -> run.path("progress_rows_generated").asLong() >= rows);
  }

  JsonNode awaitFinished(String id) {
    return awaitRun(id, Set.of("success", "failed", "cancelled"), Duration.ofSeconds(120));
  }

  /** A fresh CSV target under the project's out/it directory; returns its id. */
  String createCsvTarget() {
    String id = "it-csv-" + UUID.randomUUID().toString().substring(0, 8);
    Reply r =
        admin(
            "POST",
            "api/v1/targets",
            "{\"id\":\"" + id + "\",\"kind\":\"csv\",\"dsn\":\"out/it/" + id + "\"}");
    assertTrue(r.status() == 201, r.toString());
    return id;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An HTTP answer. */
  record Reply(int status, String body, HttpHeaders headers) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }

    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
