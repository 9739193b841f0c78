package dev.syngen.io.jms;

import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.RunContext;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TableMode;
import dev.syngen.io.message.Destinations;
import dev.syngen.io.message.Encoders;
import dev.syngen.io.message.Retry;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import java.util.List;

/**
 * Sends each entity to its queue or topic over one connection per run. {@link #prepare} connects
 * first, so an unreachable broker fails the run before anything is sent.
 */
final class JmsSink implements Sink {
  private final JmsSettings settings;
  private final RunContext run;
  private final Destinations destinations;
  private final Encoders encoders;
  private final JmsSession jms;

  JmsSink(
      JmsSettings settings,
      ConnectionFactory factory,
      ContainerTransactions container,
      RunContext run) {
    this.settings = settings;
    this.run = run;
    this.destinations = new Destinations(settings.destination());
    this.encoders = new Encoders(run, null);
    this.jms = new JmsSession(factory, settings, container);
  }

  @Override
  public void prepare(List<CompiledEntity> entities, TableMode mode) {
    encoders.check(entities);
    String destination = null;
    try {
      for (CompiledEntity e : entities) {
        destination = destinations.of(e, run);
        jms.producer(destination);
      }
      // a container enlists connections opened inside its transactions only: open them there
      jms.close();
    } catch (JMSException | RuntimeException e) {
      jms.close();
      throw new SinkException(
          "jms broker at "
              + dev.syngen.core.sink.Redactor.dsn(settings.url())
              + " refused a producer for "
              + (settings.topic() ? "topic '" : "queue '")
              + destination
              + "': "
              + Retry.describe(e)
              + ". Nothing was sent. Fix: start the broker, correct the dsn and credentials, or"
              + " create the destination (Liberty's messaging engine creates no queue on demand:"
              + " add <queue id=\"…\"/> to the server's messaging.xml)",
          e);
    }
  }

  @Override
  public EntityWriter<JmsChunk> open(CompiledEntity entity, long startRow) {
    return new JmsWriter(
        jms, destinations.of(entity, run), entity, startRow, encoders.of(entity), run, settings);
  }

  @Override
  public void close() {
    jms.close();
  }
}
