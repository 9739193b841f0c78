package dev.syngen.io.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Sends one request, retrying connection failures, timeouts, 429 and 5xx with exponential backoff;
 * any other status fails at once. Completes with the final response or the final failure.
 */
final class HttpPoster {
  /** A response that is not worth retrying, or the last one after all retries. */
  static final class Rejected extends IOException {
    private static final long serialVersionUID = 1L;

    Rejected(String message) {
      super(message);
    }
  }

  private static final long MAX_BACKOFF_MILLIS = 5_000;

  private final HttpClient client;
  private final HttpSettings settings;

  HttpPoster(HttpClient client, HttpSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  CompletableFuture<Void> post(HttpRequest request) {
    return attempt(request, 0);
  }

  private CompletableFuture<Void> attempt(HttpRequest request, int attempt) {
    return client
        .sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .handle(
            (response, error) -> {
              if (error == null && response.statusCode() / 100 == 2) {
                return CompletableFuture.<Void>completedFuture(null);
              }
              Throwable why = error != null ? unwrap(error) : rejected(response);
              boolean transient_ = error != null || retryable(response.statusCode());
              if (!transient_ || attempt >= settings.retries()) {
                return CompletableFuture.<Void>failedFuture(why);
              }
              long delay =
                  Math.min(
                      MAX_BACKOFF_MILLIS, settings.backoff().toMillis() << Math.min(attempt, 10));
              return CompletableFuture.supplyAsync(
                      () -> null, CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS))
                  .thenCompose(x -> attempt(request, attempt + 1));
            })
        .thenCompose(f -> f);
  }

  private static boolean retryable(int status) {
    return status == 408 || status == 429 || status / 100 == 5;
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }

  private static Rejected rejected(HttpResponse<String> r) {
    String body = r.body() == null ? "" : r.body().strip();
    return new Rejected(
        "HTTP "
            + r.statusCode()
            + (body.isEmpty() ? "" : ": " + body.substring(0, Math.min(200, body.length()))));
  }
}
