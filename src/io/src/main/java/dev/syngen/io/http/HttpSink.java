package dev.syngen.io.http;

import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.RunContext;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.TableMode;
import dev.syngen.io.message.Encoders;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/** POSTs every entity to one URL; the {@code syngen-entity} header tells entities apart. */
final class HttpSink implements Sink {
  private final HttpSettings settings;
  private final RunContext run;
  private final Encoders encoders;
  private final HttpClient client;

  HttpSink(HttpSettings settings, RunContext run) {
    this.settings = settings;
    this.run = run;
    this.encoders = new Encoders(run, null);
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(Math.min(10_000, settings.timeout().toMillis())))
            .build();
  }

  @Override
  public void prepare(List<CompiledEntity> entities, TableMode mode) {
    encoders.check(entities);
  }

  @Override
  public EntityWriter<HttpChunk> open(CompiledEntity entity, long startRow) {
    return new HttpWriter(
        new HttpPoster(client, settings), settings, entity, encoders.of(entity), run);
  }

  @Override
  public void close() {
    // java.net.http.HttpClient on JDK 17 has no close; its threads are daemons
  }
}
