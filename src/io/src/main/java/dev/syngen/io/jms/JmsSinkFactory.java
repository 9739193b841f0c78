package dev.syngen.io.jms;

import dev.syngen.core.problem.Problems;
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
import jakarta.jms.JMSException;
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
  private final ContainerTransactions container;

  public JmsSinkFactory() {
    this(new ArtemisConnectionFactories(), null);
  }

  /**
   * {@code container} runs the work of connection factories looked up by JNDI name ({@code dsn:
   * embedded} or {@code jndi:…}) in container transactions; null outside an application server.
   */
  public JmsSinkFactory(
      Function<JmsSettings, ConnectionFactory> factories, ContainerTransactions container) {
    this.factories = factories;
    this.container = container;
  }

  private ContainerTransactions containerOf(JmsSettings s) {
    return s.jndiName() == null ? null : container;
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
    return new JmsSink(s, factories.apply(s), containerOf(s), context);
  }

  /**
   * Connects, then sends one message to a temporary queue and receives it back; in a container
   * transaction (where a message is delivered only at commit) it sends and commits.
   */
  @Override
  public TargetTestResult test(TargetProfile profile) {
    long t0 = System.nanoTime();
    try {
      JmsSettings s = settings(profile);
      ConnectionFactory cf = factories.apply(s);
      ContainerTransactions tx = containerOf(s);
      String[] version = new String[1];
      boolean[] roundTrip = new boolean[1];
      ContainerTransactions.JmsWork probe = () -> roundTrip[0] = probe(cf, s, tx == null, version);
      if (tx == null) {
        probe.run();
      } else {
        tx.inNewTransaction(probe);
        roundTrip[0] = true;
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      return new TargetTestResult(
          roundTrip[0],
          ms,
          version[0],
          true,
          false,
          roundTrip[0],
          roundTrip[0] ? null : "a probe message sent to a temporary queue did not come back");
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

  /** Sends a probe to a temporary queue; with {@code receive}, true if it comes back. */
  private static boolean probe(
      ConnectionFactory cf, JmsSettings s, boolean receive, String[] version) throws JMSException {
    try (Connection c =
        s.user() == null ? cf.createConnection() : cf.createConnection(s.user(), s.password())) {
      c.start();
      ConnectionMetaData meta = c.getMetaData();
      version[0] = meta.getJMSProviderName() + " " + meta.getProviderVersion();
      Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
      TemporaryQueue q = session.createTemporaryQueue();
      session.createProducer(q).send(session.createTextMessage("syngen probe"));
      if (!receive) {
        return true;
      }
      MessageConsumer consumer = session.createConsumer(q);
      return consumer.receive(TEST_RECEIVE_MILLIS) != null;
    }
  }
}
