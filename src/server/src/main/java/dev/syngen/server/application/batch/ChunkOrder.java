package dev.syngen.server.application.batch;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;

/**
 * One chunk of a batch partition for an executor server to write: rows {@code [from, to)} of the
 * partition of {@code entity} that starts at {@code firstRow}. Only ids and row numbers travel; the
 * executor reads the run's scenario, seed, as_of and target from the shared history database and
 * takes the target's credentials from its own configuration.
 */
public record ChunkOrder(String runId, String entity, long firstRow, long from, long to) {
  /** The order a dispatcher's message carries; an error names what is missing. */
  public static ChunkOrder of(Message message) {
    try {
      MapMessage m = (MapMessage) message;
      return new ChunkOrder(
          m.getString("runId"),
          m.getString("entity"),
          m.getLong("firstRow"),
          m.getLong("from"),
          m.getLong("to"));
    } catch (JMSException | ClassCastException | NumberFormatException | NullPointerException e) {
      throw new IllegalArgumentException("not a syngen chunk order: " + e.getMessage(), e);
    }
  }

  void writeTo(MapMessage m) throws JMSException {
    m.setString("runId", runId);
    m.setString("entity", entity);
    m.setLong("firstRow", firstRow);
    m.setLong("from", from);
    m.setLong("to", to);
  }

  @Override
  public String toString() {
    return "rows " + from + ".." + to + " of " + entity + " (partition from row " + firstRow + ")";
  }
}
