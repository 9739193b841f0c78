package dev.syngen.io.jms;

import jakarta.jms.JMSException;

/**
 * Runs one unit of JMS work (a batch, a control message, a probe) in a new transaction that the
 * container owns and commits when the work returns, or rolls back when it throws. Inside an
 * application server, JMS sessions from the container's connection factories take part in such a
 * JTA transaction instead of committing themselves; the server supplies this.
 */
@FunctionalInterface
public interface ContainerTransactions {
  void inNewTransaction(JmsWork work) throws JMSException;

  /** JMS work; it opens its connection inside the transaction, so the container enlists it. */
  @FunctionalInterface
  interface JmsWork {
    void run() throws JMSException;
  }
}
