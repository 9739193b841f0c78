package dev.syngen.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code syngen-bench bench-server}: measures a running server from outside — the latency of {@code
 * GET /api/v1/runs/{id}} under concurrent clients (percentiles over every request), and with {@code
 * --launch}, the time from starting the server process to its first answer. Printed, never
 * asserted.
 */
@Command(
    name = "bench-server",
    description = "Measure REST latency and start-up time of a syngen server.",
    mixinStandardHelpOptions = true)
final class ServerBenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--url", defaultValue = "http://localhost:9080", description = "Server address.")
  String url;

  @Option(
      names = "--user",
      description =
          "USER:PASSWORD sent as HTTP Basic: reading the API needs a signed-in user (a viewer"
              + " will do) unless the server sets syngen.api.anonymous-reads=true.")
  String user;

  @Option(names = "--run-id", description = "Run to fetch (default: the newest run).")
  String runId;

  @Option(names = "--clients", defaultValue = "50", description = "Concurrent clients.")
  int clients;

  @Option(
      names = "--requests",
      defaultValue = "200",
      description = "Requests per client, after --warmup (default: ${DEFAULT-VALUE}).")
  int requests;

  @Option(names = "--warmup", defaultValue = "50", description = "Unmeasured requests per client.")
  int warmup;

  @Option(
      names = "--launch",
      description =
          "Command that starts the server in the foreground (e.g. wlp/bin/server run"
              + " syngenServer): measures the time to its first response, then stops it.")
  String launch;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (launch != null) {
      startUp(out);
      return 0;
    }
    String id = runId != null ? runId : newestRun();
    latency(out, URI.create(url + "/api/v1/runs/" + id));
    return 0;
  }

  private void startUp(PrintWriter out) throws Exception {
    URI ready = URI.create(url + "/api/v1/scenarios");
    long t0 = System.nanoTime();
    Process server =
        new ProcessBuilder(Arrays.asList(launch.trim().split("\\s+")))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      long first = -1;
      while (System.nanoTime() - t0 < TimeUnit.MINUTES.toNanos(5) && server.isAlive()) {
        int status = status(ready);
        if (status > 0 && first < 0) {
          first = System.nanoTime() - t0;
        }
        if (status == 200) {
          out.printf(
              "first HTTP answer after %d ms, first 200 from GET /api/v1/scenarios after %d ms%n",
              first / 1_000_000, (System.nanoTime() - t0) / 1_000_000);
          out.flush();
          return;
        }
        Thread.sleep(20);
      }
      throw new IllegalStateException("the server did not answer " + ready + " within 5 minutes");
    } finally {
      server.destroy();
      server.waitFor(60, TimeUnit.SECONDS);
    }
  }

  private int status(URI uri) throws InterruptedException {
    try {
      return http.send(get(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    }
  }

  /** A GET of {@code uri}, with the --user credentials when given. */
  private HttpRequest.Builder get(URI uri) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri);
    if (user != null) {
      b.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
    }
    return b;
  }

  private String newestRun() throws Exception {
    String body =
        http.send(
                get(URI.create(url + "/api/v1/runs?limit=1")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    int at = body.indexOf("\"id\":\"");
    if (at < 0) {
      throw new IllegalStateException("the server has no runs; start one or pass --run-id");
    }
    return body.substring(at + 6, body.indexOf('"', at + 6));
  }

  private void latency(PrintWriter out, URI uri) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<long[]>> results = new ArrayList<>();
      long t0 = System.nanoTime();
      for (int c = 0; c < clients; c++) {
        results.add(pool.submit(() -> client(uri)));
      }
      List<Long> all = new ArrayList<>();
      for (Future<long[]> f : results) {
        for (long v : f.get()) {
          all.add(v);
        }
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      all.sort(null);
      out.printf(
          "GET %s: %d clients x %d requests (after %d warm-up each)%n",
          uri.getPath(), clients, requests, warmup);
      out.printf(
          "  p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms  (%.0f requests/s incl. warm-up)%n",
          pct(all, 50),
          pct(all, 95),
          pct(all, 99),
          all.get(all.size() - 1) / 1e6,
          clients * (requests + warmup) / seconds);
      out.flush();
    } finally {
      pool.shutdownNow();
    }
  }

  private long[] client(URI uri) throws Exception {
    HttpRequest get = get(uri).timeout(Duration.ofSeconds(30)).build();
    long[] nanos = new long[requests];
    for (int i = 0; i < warmup + requests; i++) {
      long t = System.nanoTime();
      HttpResponse<Void> r = http.send(get, HttpResponse.BodyHandlers.discarding());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("GET " + uri + " answered " + r.statusCode());
      }
      if (i >= warmup) {
        nanos[i - warmup] = System.nanoTime() - t;
      }
    }
    return nanos;
  }

  private static double pct(List<Long> sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, i)) / 1e6;
  }
}
