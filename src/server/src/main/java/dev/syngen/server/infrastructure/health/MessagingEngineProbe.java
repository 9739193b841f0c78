package dev.syngen.server.infrastructure.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import javax.naming.InitialContext;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;

/**
 * Connects to the server's embedded messaging engine through the connection factory that
 * messaging.xml binds, when it binds one: the in-server JMS target and the example consumer need
 * it, so readiness does too.
 */
@ApplicationScoped
public class MessagingEngineProbe {
  /** The logical name messaging.xml binds (docs/targets.md, "jms inside the server"). */
  public static final String FACTORY = "jms/syngen/ConnectionFactory";

  /** Whether the server configures a messaging engine (the factory is bound). */
  public boolean configured() {
    try {
      return new InitialContext().lookup(FACTORY) instanceof ConnectionFactory;
    } catch (NameNotFoundException e) {
      return false;
    } catch (NamingException e) {
      return true; // bound but failing: the probe reports why
    }
  }

  /** Opens and closes one connection; throws when the engine does not accept it. */
  public void connect() {
    try {
      ConnectionFactory factory = (ConnectionFactory) new InitialContext().lookup(FACTORY);
      try (Connection c = factory.createConnection()) {
        c.getMetaData();
      }
    } catch (NamingException | JMSException e) {
      throw new IllegalStateException(FACTORY + ": " + e.getMessage(), e);
    }
  }
}
