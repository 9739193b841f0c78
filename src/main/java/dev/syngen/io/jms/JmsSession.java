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

/** One connection, session and producer per destination; replaced whole after a failure. */
final class JmsSession implements AutoCloseable {
  private final ConnectionFactory factory;
  private final JmsSettings settings;
  private Connection connection;
  private Session session;
  private final Map<String, MessageProducer> producers = new HashMap<>();

  JmsSession(ConnectionFactory factory, JmsSettings settings) {
    this.factory = factory;
    this.settings = settings;
  }

  Session session() throws JMSException {
    if (session == null) {
      connection =
          settings.user() == null
              ? factory.createConnection()
              : factory.createConnection(settings.user(), settings.password());
      session =
          connection.createSession(
              settings.transacted(),
              settings.transacted() ? Session.SESSION_TRANSACTED : Session.AUTO_ACKNOWLEDGE);
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

  void commit() throws JMSException {
    if (settings.transacted()) {
      session().commit();
    }
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
