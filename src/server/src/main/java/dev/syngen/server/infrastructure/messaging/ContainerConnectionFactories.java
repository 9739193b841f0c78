package dev.syngen.server.infrastructure.messaging;

import dev.syngen.core.sink.SinkException;
import dev.syngen.io.jms.ArtemisConnectionFactories;
import dev.syngen.io.jms.JmsSettings;
import jakarta.jms.ConnectionFactory;
import java.util.function.Function;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The server's JMS connection factories: {@code dsn: embedded} is Liberty's messaging engine (the
 * factory bound at {@value JmsSettings#EMBEDDED_FACTORY} in the server's messaging.xml), {@code
 * jndi:<name>} any factory the server binds; a broker URL still gets the Artemis client.
 */
public final class ContainerConnectionFactories
    implements Function<JmsSettings, ConnectionFactory> {
  private final ArtemisConnectionFactories artemis = new ArtemisConnectionFactories();

  @Override
  public ConnectionFactory apply(JmsSettings settings) {
    String name = settings.jndiName();
    if (name == null) {
      return artemis.apply(settings);
    }
    try {
      Object found = new InitialContext().lookup(name);
      if (found instanceof ConnectionFactory factory) {
        return factory;
      }
      throw new SinkException(
          "JNDI name '"
              + name
              + "' is bound to a "
              + found.getClass().getName()
              + ", not a JMS connection factory. Fix: name a jmsConnectionFactory of server.xml");
    } catch (NamingException e) {
      throw new SinkException(
          "no JMS connection factory is bound at JNDI name '"
              + name
              + "' ("
              + e.getClass().getSimpleName()
              + "). Fix: keep messaging.xml included in server.xml for dsn: embedded,"
              + " or name a jmsConnectionFactory that server.xml defines",
          e);
    }
  }
}
