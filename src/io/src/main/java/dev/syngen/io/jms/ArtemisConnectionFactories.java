package dev.syngen.io.jms;

import dev.syngen.core.sink.SinkException;
import jakarta.jms.ConnectionFactory;
import java.util.function.Function;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The command line's connection factories: an ActiveMQ Artemis client for the target's URL. The
 * server supplies its own (Liberty's messaging engine, looked up by logical name) instead.
 */
public final class ArtemisConnectionFactories implements Function<JmsSettings, ConnectionFactory> {
  @Override
  public ConnectionFactory apply(JmsSettings s) {
    if (s.jndiName() != null) {
      throw new SinkException(
          "dsn "
              + s.url()
              + " names the server's messaging engine or a JNDI connection factory, which only"
              + " the server can use; on the command line use the broker's URL, e.g."
              + " tcp://localhost:61616");
    }
    ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory(s.url(), s.user(), s.password());
    // a broken connection fails fast; the sink reconnects itself within its retry budget
    cf.setReconnectAttempts(0);
    cf.setCallTimeout(10_000);
    cf.setConfirmationWindowSize(-1);
    cf.setBlockOnDurableSend(true);
    cf.setBlockOnNonDurableSend(false);
    // larger send credits: the default 64 KB window stalls asynchronous sends of small messages
    cf.setProducerWindowSize(4 << 20);
    return cf;
  }
}
