package dev.syngen.io.jms;

import dev.syngen.core.sink.RunContext;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.TargetTestResult;
import dev.syngen.io.message.MessageSinkFactory;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import java.util.function.Function;

/**
 * Opens {@code jms} targets. Connection factories come from a function of the settings: the Artemis
 * client by default (the command line), or the container's (the server, by logical name).
 */
public final class JmsSinkFactory extends MessageSinkFactory<JmsSettings> {
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
    super(
        "jms",
        JmsSettings::read,
        "the jms broker at ",
        "start the broker, or correct the dsn and options.user/password");
    this.factories = factories;
    this.container = container;
  }

  private ContainerTransactions containerOf(JmsSettings s) {
    return s.jndiName() == null ? null : container;
  }

  @Override
  protected Sink sink(JmsSettings s, RunContext context) {
    return new JmsSink(s, factories.apply(s), containerOf(s), context);
  }

  /**
   * Connects, then sends one message to a temporary queue and receives it back; in a container
   * transaction (where a message is delivered only at commit) it sends and commits.
   */
  @Override
  protected TargetTestResult probe(JmsSettings s, long t0) throws Exception {
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
    return new TargetTestResult(
        roundTrip[0],
        millisSince(t0),
        version[0],
        true,
        false,
        roundTrip[0],
        roundTrip[0] ? null : "a probe message sent to a temporary queue did not come back");
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
