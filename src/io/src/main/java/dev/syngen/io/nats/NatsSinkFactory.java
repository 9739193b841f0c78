package dev.syngen.io.nats;

import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.RunContext;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.SinkFactory;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.sink.TargetTestResult;
import dev.syngen.io.message.OptionReader;
import dev.syngen.io.message.Retry;
import io.nats.client.Connection;
import java.time.Duration;
import java.util.Set;

/** Opens {@code nats} targets; the DSN is a server URL ({@code nats://host:4222}). */
public final class NatsSinkFactory implements SinkFactory {
  @Override
  public Set<String> kinds() {
    return Set.of("nats");
  }

  @Override
  public void validate(TargetProfile profile, Problems problems) {
    NatsSettings.read(profile, new OptionReader(profile, problems));
  }

  @Override
  public Sink open(TargetProfile profile) {
    return open(profile, RunContext.ADHOC);
  }

  @Override
  public Sink open(TargetProfile profile, RunContext context) {
    NatsSettings s = OptionReader.readValid(profile, NatsSettings::read);
    return new NatsSink(s, context);
  }

  @Override
  public TargetTestResult test(TargetProfile profile) {
    long t0 = System.nanoTime();
    NatsSettings s = NatsSettings.read(profile, new OptionReader(profile, new Problems()));
    try (Connection c = NatsConnections.connect(s.url(), Duration.ofSeconds(5))) {
      c.flush(Duration.ofSeconds(5));
      String version = "nats-server " + c.getServerInfo().getVersion();
      if (s.jetstream()) {
        var account = c.jetStreamManagement().getAccountStatistics();
        version += ", JetStream with " + account.getStreams() + " stream(s)";
      } else {
        version += c.getServerInfo().isJetStreamAvailable() ? ", JetStream available" : "";
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      return new TargetTestResult(true, ms, version, s.jetstream(), false, true, null);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return TargetTestResult.failed(
          (System.nanoTime() - t0) / 1_000_000,
          "cannot reach nats at "
              + profile.redactedDsn()
              + ": "
              + Retry.describe(e)
              + (s.jetstream() ? " (JetStream must be enabled: nats-server -js)" : "")
              + ". Fix: start the server or correct the dsn");
    }
  }
}
