package dev.syngen.server.interfaces.messaging;

import dev.syngen.server.application.messaging.ConsumerVerification;
import dev.syngen.server.application.messaging.RunMessage;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * The example completeness consumer: reads the messages of runs from the embedded queue. Its
 * activation spec is bound by logical name (WEB-INF/ibm-ejb-jar-bnd.xml: jms/syngen/ConsumerSpec),
 * which the server's messaging.xml binds to the queue. Without a transaction, so a failure to store
 * a verdict never redelivers (and double-counts) a message.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue")
    })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RunMessagesConsumer implements MessageListener {
  @Inject ConsumerVerification verification;

  @Override
  public void onMessage(Message message) {
    verification.receive(RunMessage.of(message));
  }
}
