package dev.syngen.io.kafka;

import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.RunContext;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TableMode;
import dev.syngen.io.message.Destinations;
import dev.syngen.io.message.Encoders;
import dev.syngen.io.message.Retry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Sends each entity to its topic through one idempotent producer per run. Missing topics are
 * created (broker defaults for partitions and replication unless the options say otherwise) before
 * the first record; table modes do not apply, records are always appended.
 */
final class KafkaSink implements Sink {
  private final KafkaSettings settings;
  private final RunContext run;
  private final Destinations topics;
  private final Encoders encoders;
  private KafkaProducer<byte[], byte[]> producer;

  KafkaSink(KafkaSettings settings, RunContext run) {
    this.settings = settings;
    this.run = run;
    this.topics = new Destinations(settings.topic());
    this.encoders = new Encoders(run, settings.keys());
  }

  @Override
  public void prepare(List<CompiledEntity> entities, TableMode mode) {
    encoders.check(entities);
    List<NewTopic> wanted = new ArrayList<>();
    for (CompiledEntity e : entities) {
      String t = topics.of(e, run);
      if (wanted.stream().noneMatch(n -> n.name().equals(t))) {
        wanted.add(
            new NewTopic(
                t,
                settings.partitions() > 0 ? Optional.of(settings.partitions()) : Optional.empty(),
                settings.replication() > 0
                    ? Optional.of(settings.replication())
                    : Optional.empty()));
      }
    }
    int timeout = Math.min(30_000, (Integer) settings.producer().get("delivery.timeout.ms"));
    try (Admin admin = Admin.create(settings.adminProperties(timeout))) {
      Set<String> existing = admin.listTopics().names().get(timeout, TimeUnit.MILLISECONDS);
      List<NewTopic> missing = wanted.stream().filter(n -> !existing.contains(n.name())).toList();
      if (!missing.isEmpty()) {
        createAll(admin, missing, timeout);
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new SinkException(
          "kafka at "
              + settings.bootstrap()
              + " cannot be reached to check topics: "
              + Retry.describe(e)
              + ". Nothing was sent. Fix: start the broker or correct the dsn",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SinkException("interrupted while checking kafka topics", e);
    }
    try {
      producer = new KafkaProducer<>(settings.producerProperties());
    } catch (org.apache.kafka.common.KafkaException e) {
      throw new SinkException(
          "the kafka producer cannot be created: "
              + Retry.describe(e)
              + ". Fix: correct the producer.* options",
          e);
    }
  }

  private static void createAll(Admin admin, List<NewTopic> missing, int timeout)
      throws InterruptedException, TimeoutException, ExecutionException {
    try {
      admin.createTopics(missing).all().get(timeout, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e; // created meanwhile by someone else is fine; anything else is not
      }
    }
  }

  @Override
  public EntityWriter<KafkaChunk> open(CompiledEntity entity, long startRow) {
    if (producer == null) {
      throw new IllegalStateException("prepare() must run before open()");
    }
    return new KafkaWriter(
        producer, topics.of(entity, run), entity, startRow, encoders.of(entity), run);
  }

  @Override
  public void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(10));
    }
  }
}
