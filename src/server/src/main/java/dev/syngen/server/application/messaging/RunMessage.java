package dev.syngen.server.application.messaging;

import dev.syngen.core.sink.MessageContract;
import dev.syngen.core.sink.MessageContract.Field;
import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * The message-contract fields of one received JMS message (docs/consumers.md). A message without
 * them, with unreadable ones, or with a run id or entity name longer than the run history holds, is
 * {@link #foreign()}: not something syngen sent.
 */
public record RunMessage(String runId, String entity, String kind, long row, long rowCount) {
  /** The longest run id the run history stores (syngen's own are 36 characters). */
  static final int MAX_RUN_ID = 40;

  /** The longest entity name the run history stores with a consumer check. */
  static final int MAX_ENTITY = 64;

  private static final RunMessage FOREIGN = new RunMessage(null, null, null, -1, -1);

  public static RunMessage of(Message m) {
    try {
      String run = m.getStringProperty(Field.RUN_ID.property());
      String entity = m.getStringProperty(Field.ENTITY.property());
      String kind = m.getStringProperty(Field.KIND.property());
      if (run == null
          || entity == null
          || kind == null
          || run.length() > MAX_RUN_ID
          || entity.length() > MAX_ENTITY) {
        return FOREIGN;
      }
      if (MessageContract.KIND_END_OF_ENTITY.equals(kind)) {
        long rows = Long.parseLong(m.getStringProperty(Field.ROW_COUNT.property()));
        return new RunMessage(run, entity, kind, -1, rows);
      }
      return new RunMessage(run, entity, kind, m.getLongProperty(Field.ROW.property()), -1);
    } catch (JMSException | NumberFormatException | NullPointerException e) {
      return FOREIGN;
    }
  }

  public boolean foreign() {
    return runId == null;
  }

  public boolean endOfEntity() {
    return MessageContract.KIND_END_OF_ENTITY.equals(kind);
  }
}
