package dev.syngen.server.application.batch;

import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;

/**
 * One chunk of a batch partition for an executor server to write, rows {@code [from, to)} of the
 * partition of {@code entity} that starts at {@code firstRow}, and then the partition's following
 * chunks of the same size up to its {@code end}, each committed and recorded on its own. One
 * message per partition rather than per chunk: the executor writes a partition's chunks back to
 * back, while the dispatcher checkpoints each as it sees it recorded. Only ids and row numbers
 * travel; the executor reads the run's scenario, seed, as_of and target from the shared history
 * database and takes the target's credentials from its own configuration.
 */
public record ChunkOrder(String runId, String entity, long firstRow, long from, long to, long end) {
  public ChunkOrder {
    if (from >= to || to > end) {
      throw new IllegalArgumentException(
          "a chunk order needs from < to <= end, not " + from + ", " + to + ", " + end);
    }
  }

  /** The order a dispatcher's message carries; an error names what is missing. */
  public static ChunkOrder of(Message message) {
    try {
      MapMessage m = (MapMessage) message;
      long to = m.getLong("to");
      return new ChunkOrder(
          m.getString("runId"),
          m.getString("entity"),
          m.getLong("firstRow"),
          m.getLong("from"),
          to,
          // a dispatcher of an earlier release ordered one chunk at a time
          m.itemExists("end") ? m.getLong("end") : to);
    } catch (JMSException
        | ClassCastException
        | NullPointerException
        | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a syngen chunk order: " + e.getMessage(), e);
    }
  }

  void writeTo(MapMessage m) throws JMSException {
    m.setString("runId", runId);
    m.setString("entity", entity);
    m.setLong("firstRow", firstRow);
    m.setLong("from", from);
    m.setLong("to", to);
    m.setLong("end", end);
  }

  /** The partition's chunk after this one, of the same size (the last one ends at the end). */
  public ChunkOrder next() {
    if (!hasNext()) {
      throw new IllegalStateException(this + " is the partition's last chunk");
    }
    return new ChunkOrder(runId, entity, firstRow, to, Math.min(end, to + (to - from)), end);
  }

  /** Whether a chunk follows this one in the order. */
  public boolean hasNext() {
    return to < end;
  }

  @Override
  public String toString() {
    return "rows " + from + ".." + to + " of " + entity + " (partition from row " + firstRow + ")";
  }
}
