package dev.syngen.server.application.batch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Queue;
import jakarta.transaction.Transactional;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Sends chunk orders to the partition queue of the dispatcher's messaging engine, which the
 * executors' activation spec reads. Outside any transaction: the send must not join the chunk's
 * transaction, which would then need a two-phase commit between the engine and the database.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class ChunkQueue {
  /**
   * Logical names that role-dispatcher.xml binds: the factory authenticates as the executors' user
   * (syngen.jms.user), the only one the engine's messaging security lets use the partition queue.
   */
  static final String FACTORY = "jms/syngen/cluster/ConnectionFactory";

  static final String QUEUE = "jms/syngen/PartitionsQueue";

  public void send(ChunkOrder order) {
    try {
      InitialContext jndi = new InitialContext();
      ConnectionFactory factory = (ConnectionFactory) jndi.lookup(FACTORY);
      Queue queue = (Queue) jndi.lookup(QUEUE);
      try (JMSContext jms = factory.createContext()) {
        MapMessage m = jms.createMapMessage();
        order.writeTo(m);
        jms.createProducer().send(queue, m);
      }
    } catch (NamingException | JMSException e) {
      throw new IllegalStateException(
          "could not queue " + order + " of run " + order.runId() + ": " + e.getMessage(), e);
    }
  }
}
