package dev.syngen.io.jms;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.HashMap;
import java.util.Map;

/**
 * One connection, session and producer per destination; replaced whole after a failure. With {@link
 * ContainerTransactions} (a connection factory of the application server), every unit of work opens
 * them inside its own container transaction and closes them before it commits; otherwise they stay
 * open and a transacted session commits itself.
 */
final class JmsSession implements AutoCloseable {
  private final ConnectionFactory factory;
  private final JmsSettings settings;
  private final ContainerTransactions container;
  private Connection connection;
  private Session session;
  private final Map<String, MessageProducer> producers = new HashMap<>();

  JmsSession(ConnectionFactory factory, JmsSettings settings, ContainerTransactions container) {
    this.factory = factory;
    this.settings = settings;
    this.container = container;
  }

  /** Runs {@code work} as one transaction: the session's own, or a new container transaction. */
  void transaction(ContainerTransactions.JmsWork work) throws JMSException {
    if (container == null) {
      work.run();
      if (settings.transacted()) {
        session().commit();
      }
      return;
    }
    try {
      container.inNewTransaction(work);
    } finally {
      close();
    }
  }

  Session session() throws JMSException {
    if (session == null) {
      connection =
          settings.user() == null
              ? factory.createConnection()
              : factory.createConnection(settings.user(), settings.password());
      boolean local = container == null && settings.transacted();
      session =
          connection.createSession(
              local, local ? Session.SESSION_TRANSACTED : Session.AUTO_ACKNOWLEDGE);
    }
    return session;
  }

  MessageProducer producer(String name) throws JMSException {
    MessageProducer p = producers.get(name);
    if (p == null) {
      Session s = session();
      Destination d = settings.topic() ? s.createTopic(name) : s.createQueue(name);
      p = s.createProducer(d);
      p.setDeliveryMode(
          settings.persistent() ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT);
      producers.put(name, p);
    }
    return p;
  }

  /** Drops the connection, so the next use opens a fresh one. */
  void reset() {
    close();
  }

  @Override
  public void close() {
    producers.clear();
    session = null;
    if (connection != null) {
      try {
        connection.close();
      } catch (JMSException | RuntimeException e) {
        // the connection is already broken; a new one is opened on next use
      }
      connection = null;
    }
  }
}
