package dev.syngen.io.http;

import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.RunContext;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.SinkFactory;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.sink.TargetTestResult;
import dev.syngen.io.message.OptionReader;
import dev.syngen.io.message.Retry;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/** Opens {@code http} targets; the DSN is the URL batches are POSTed to. */
public final class HttpSinkFactory implements SinkFactory {
  @Override
  public Set<String> kinds() {
    return Set.of("http");
  }

  @Override
  public void validate(TargetProfile profile, Problems problems) {
    HttpSettings.read(profile, new OptionReader(profile, problems));
  }

  private static HttpSettings settings(TargetProfile profile) {
    HttpSettings s = OptionReader.readValid(profile, HttpSettings::read);
    return s;
  }

  @Override
  public Sink open(TargetProfile profile) {
    return open(profile, RunContext.ADHOC);
  }

  @Override
  public Sink open(TargetProfile profile, RunContext context) {
    return new HttpSink(settings(profile), context);
  }

  /** POSTs an empty body marked {@code syngen-kind: probe}; any 2xx answer is a pass. */
  @Override
  public TargetTestResult test(TargetProfile profile) {
    long t0 = System.nanoTime();
    try {
      HttpSettings s = settings(profile);
      HttpClient client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      HttpRequest.Builder b =
          HttpRequest.newBuilder(s.url())
              .timeout(Duration.ofSeconds(10))
              .header("syngen-kind", "probe")
              .header("Content-Type", "application/x-ndjson")
              .POST(HttpRequest.BodyPublishers.noBody());
      s.headers().forEach(b::setHeader);
      HttpResponse<Void> r = client.send(b.build(), HttpResponse.BodyHandlers.discarding());
      long ms = (System.nanoTime() - t0) / 1_000_000;
      String server = r.headers().firstValue("Server").orElse("unknown server");
      boolean ok = r.statusCode() / 100 == 2;
      return new TargetTestResult(
          ok,
          ms,
          server + " (HTTP " + r.statusCode() + ")",
          false,
          false,
          ok,
          ok
              ? null
              : "the receiver answered HTTP "
                  + r.statusCode()
                  + " to a probe POST; it should accept an empty body with 2xx");
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return TargetTestResult.failed(
          (System.nanoTime() - t0) / 1_000_000,
          "cannot reach "
              + profile.redactedDsn()
              + ": "
              + Retry.describe(e)
              + ". Fix: start the receiver or correct the dsn");
    }
  }
}
