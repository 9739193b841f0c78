package dev.syngen.io.nats;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;

/** Opens NATS connections that reconnect by themselves and buffer publishes while they do. */
final class NatsConnections {
  private NatsConnections() {}

  static Connection connect(String url, Duration connectTimeout)
      throws IOException, InterruptedException {
    Options options =
        new Options.Builder()
            .servers(url.split(","))
            .connectionName("syngen")
            .connectionTimeout(connectTimeout)
            .maxReconnects(-1)
            .reconnectWait(Duration.ofMillis(250))
            .reconnectBufferSize(64L << 20)
            .errorListener(new io.nats.client.ErrorListener() {})
            .build();
    return Nats.connect(options);
  }
}
