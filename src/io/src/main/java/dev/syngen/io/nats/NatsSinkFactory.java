package dev.syngen.io.nats;

import dev.syngen.core.sink.RunContext;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.TargetTestResult;
import dev.syngen.io.message.MessageSinkFactory;
import io.nats.client.Connection;
import java.time.Duration;

/** Opens {@code nats} targets; the DSN is a server URL ({@code nats://host:4222}). */
public final class NatsSinkFactory extends MessageSinkFactory<NatsSettings> {
  public NatsSinkFactory() {
    super("nats", NatsSettings::read, "nats at ", "start the server or correct the dsn");
  }

  @Override
  protected Sink sink(NatsSettings settings, RunContext context) {
    return new NatsSink(settings, context);
  }

  @Override
  protected TargetTestResult probe(NatsSettings s, long t0) throws Exception {
    try (Connection c = NatsConnections.connect(s.url(), Duration.ofSeconds(5))) {
      c.flush(Duration.ofSeconds(5));
      String version = "nats-server " + c.getServerInfo().getVersion();
      if (s.jetstream()) {
        var account = c.jetStreamManagement().getAccountStatistics();
        version += ", JetStream with " + account.getStreams() + " stream(s)";
      } else {
        version += c.getServerInfo().isJetStreamAvailable() ? ", JetStream available" : "";
      }
      return new TargetTestResult(true, millisSince(t0), version, s.jetstream(), false, true, null);
    }
  }

  @Override
  protected String fix(NatsSettings s) {
    return (s != null && s.jetstream() ? " (JetStream must be enabled: nats-server -js)" : "")
        + super.fix(s);
  }
}
