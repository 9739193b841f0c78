package dev.syngen.server.infrastructure.messaging;

import dev.syngen.io.jms.ContainerTransactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.JMSException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * JMS work of the embedded-messaging target in its own JTA transaction: Liberty enlists the
 * container's JMS sessions in it (a session cannot commit itself in the server), so a batch is
 * delivered at commit and rolled back as a whole when sending fails.
 */
@ApplicationScoped
public class JtaTransactions implements ContainerTransactions {
  @Override
  @Transactional(value = TxType.REQUIRES_NEW, rollbackOn = JMSException.class)
  public void inNewTransaction(JmsWork work) throws JMSException {
    work.run();
  }
}
