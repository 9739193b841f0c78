package dev.syngen.io.jms;

import dev.syngen.core.scenario.Problems;
import dev.syngen.core.sink.RunContext;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.SinkFactory;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.sink.TargetTestResult;
import dev.syngen.io.message.OptionReader;
import dev.syngen.io.message.Retry;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.util.Set;
import java.util.function.Function;

/**
 * Opens {@code jms} targets. Connection factories come from a function of the settings: the Artemis
 * client by default (the command line), or the container's (the server, by logical name).
 */
public final class JmsSinkFactory implements SinkFactory {
  private static final long TEST_RECEIVE_MILLIS = 5_000;

  private final Function<JmsSettings, ConnectionFactory> factories;

  public JmsSinkFactory() {
    this(new ArtemisConnectionFactories());
  }

  public JmsSinkFactory(Function<JmsSettings, ConnectionFactory> factories) {
    this.factories = factories;
  }

  @Override
  public Set<String> kinds() {
    return Set.of("jms");
  }

  @Override
  public void validate(TargetProfile profile, Problems problems) {
    JmsSettings.read(profile, new OptionReader(profile, problems));
  }

  private static JmsSettings settings(TargetProfile profile) {
    JmsSettings s = OptionReader.readValid(profile, JmsSettings::read);
    return s;
  }

  @Override
  public Sink open(TargetProfile profile) {
    return open(profile, RunContext.ADHOC);
  }

  @Override
  public Sink open(TargetProfile profile, RunContext context) {
    JmsSettings s = settings(profile);
    return new JmsSink(s, factories.apply(s), context);
  }

  /** Connects, then sends one message to a temporary queue and receives it back. */
  @Override
  public TargetTestResult test(TargetProfile profile) {
    long t0 = System.nanoTime();
    try {
      JmsSettings s = settings(profile);
      ConnectionFactory cf = factories.apply(s);
      try (Connection c =
          s.user() == null ? cf.createConnection() : cf.createConnection(s.user(), s.password())) {
        c.start();
        ConnectionMetaData meta = c.getMetaData();
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        TemporaryQueue q = session.createTemporaryQueue();
        session.createProducer(q).send(session.createTextMessage("syngen probe"));
        MessageConsumer consumer = session.createConsumer(q);
        boolean roundTrip = consumer.receive(TEST_RECEIVE_MILLIS) != null;
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String version = meta.getJMSProviderName() + " " + meta.getProviderVersion();
        return new TargetTestResult(
            roundTrip,
            ms,
            version,
            true,
            false,
            roundTrip,
            roundTrip ? null : "a probe message sent to a temporary queue did not come back");
      }
    } catch (Exception e) {
      return TargetTestResult.failed(
          (System.nanoTime() - t0) / 1_000_000,
          "cannot reach the jms broker at "
              + profile.redactedDsn()
              + ": "
              + Retry.describe(e)
              + ". Fix: start the broker, or correct the dsn and options.user/password");
    }
  }
}
