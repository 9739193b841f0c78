package dev.syngen.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syngen.cli.SyngenCommand;
import dev.syngen.io.yaml.YamlDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Measures a server's {@code POST /generate} NDJSON stream: time to first byte and records/s. */
final class GenerateBench {
  private GenerateBench() {}

  static int run(PrintWriter out, URI url, long count, String scenarioYaml)
      throws IOException, InterruptedException {
    Object scenario = YamlDocuments.parse(scenarioYaml, "bench");
    String body =
        new ObjectMapper().writeValueAsString(Map.of("scenario", scenario, "count", count));
    return runBody(out, url, count, body);
  }

  /** Posts {@code body} once to warm up (a quarter of the records), then measures. */
  static int runBody(PrintWriter out, URI url, long count, String body)
      throws IOException, InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    measure(client, request, Math.max(1, count / 4), null); // warm-up
    return measure(client, request, count, out);
  }

  private static int measure(HttpClient client, HttpRequest request, long count, PrintWriter out)
      throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    HttpResponse<InputStream> r = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    if (r.statusCode() != 200) {
      throw new IllegalArgumentException(
          "POST "
              + request.uri()
              + " answered "
              + r.statusCode()
              + ": "
              + new String(r.body().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
    long firstByte = 0;
    long lines = 0;
    long bytes = 0;
    byte[] buf = new byte[1 << 16];
    try (InputStream in = r.body()) {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        if (firstByte == 0 && n > 0) {
          firstByte = System.nanoTime();
        }
        bytes += n;
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            lines++;
          }
        }
      }
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    if (out != null) {
      out.printf(
          "POST %s: %,d records (%,d bytes) in %.2f s = %,.0f records/s, %.0f MB/s; first byte after %.1f ms%n",
          request.uri(),
          lines,
          bytes,
          secs,
          lines / secs,
          bytes / 1e6 / secs,
          (firstByte - t0) / 1e6);
      out.flush();
    }
    return lines == count ? 0 : SyngenCommand.EXIT_FAILED;
  }
}
