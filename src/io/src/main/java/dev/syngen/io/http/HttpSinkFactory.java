package dev.syngen.io.http;

import dev.syngen.core.sink.RunContext;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.TargetTestResult;
import dev.syngen.io.message.MessageSinkFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Opens {@code http} targets; the DSN is the URL batches are POSTed to. */
public final class HttpSinkFactory extends MessageSinkFactory<HttpSettings> {
  public HttpSinkFactory() {
    super("http", HttpSettings::read, "", "start the receiver or correct the dsn");
  }

  @Override
  protected Sink sink(HttpSettings settings, RunContext context) {
    return new HttpSink(settings, context);
  }

  /** POSTs an empty body marked {@code syngen-kind: probe}; any 2xx answer is a pass. */
  @Override
  protected TargetTestResult probe(HttpSettings s, long t0) throws Exception {
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
    String server = r.headers().firstValue("Server").orElse("unknown server");
    boolean ok = r.statusCode() / 100 == 2;
    return new TargetTestResult(
        ok,
        millisSince(t0),
        server + " (HTTP " + r.statusCode() + ")",
        false,
        false,
        ok,
        ok
            ? null
            : "the receiver answered HTTP "
                + r.statusCode()
                + " to a probe POST; it should accept an empty body with 2xx");
  }
}
