package dev.syngen.server.interfaces.messaging;

import dev.syngen.server.application.batch.ChunkOrder;
import dev.syngen.server.application.batch.ExecutorChunks;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * An executor server's end of the partition queue: each message is one chunk of a batch run that a
 * dispatcher queued. Its activation spec is bound by logical name (jms/syngen/PartitionSpec); only
 * role-executor.xml starts it. Without a transaction: the outcome, success or failure, is recorded
 * in the history database, where the dispatcher waits for it.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue")
    })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PartitionChunkConsumer implements MessageListener {
  @Inject ExecutorChunks chunks;

  @Override
  public void onMessage(Message message) {
    chunks.write(ChunkOrder.of(message), sentAt(message));
  }

  /** When the dispatcher sent the message (its JMS timestamp), or 0 when the provider set none. */
  private static long sentAt(Message message) {
    try {
      return message.getJMSTimestamp();
    } catch (JMSException e) {
      return 0;
    }
  }
}
