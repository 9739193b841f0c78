package dev.syngen.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The Liberty server that {@code ./mvnw verify} starts for the integration tests (its address comes
 * from the {@code syngen.base.url} system property); {@link #baseUrl} waits until it is ready.
 */
public final class ItServer {
  public static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static volatile URI ready;

  private ItServer() {}

  public static URI baseUrl() throws InterruptedException {
    if (ready != null) {
      return ready;
    }
    String configured = System.getProperty("syngen.base.url", "http://localhost:9080");
    URI base = URI.create(configured.endsWith("/") ? configured : configured + "/");
    Api.await(
        "server at " + base + " ready",
        Duration.ofSeconds(60),
        Duration.ofMillis(500),
        () -> {
          try {
            HttpResponse<String> r =
                CLIENT.send(
                    HttpRequest.newBuilder(base.resolve("health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() + " " + r.body();
          } catch (IOException e) {
            return e.toString();
          }
        },
        seen -> seen.startsWith("200 "));
    ready = base;
    return base;
  }
}
