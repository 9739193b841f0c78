package dev.syngen.io.nats;

import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.RunContext;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TableMode;
import dev.syngen.io.message.Destinations;
import dev.syngen.io.message.Encoders;
import dev.syngen.io.message.Retry;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Publishes each entity to its subject over one connection per run. With JetStream, a stream must
 * capture the subjects: the configured stream is created (file storage) when missing, and an
 * existing stream that misses a subject fails the run before anything is sent.
 */
final class NatsSink implements Sink {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final int STREAM_NOT_FOUND = 10059;

  private final NatsSettings settings;
  private final RunContext run;
  private final Destinations subjects;
  private final Encoders encoders;
  private Connection connection;

  NatsSink(NatsSettings settings, RunContext run) {
    this.settings = settings;
    this.run = run;
    this.subjects = new Destinations(settings.subject());
    this.encoders = new Encoders(run, null);
  }

  @Override
  public void prepare(List<CompiledEntity> entities, TableMode mode) {
    encoders.check(entities);
    try {
      connection = NatsConnections.connect(settings.url(), CONNECT_TIMEOUT);
      if (settings.jetstream()) {
        Set<String> wanted = new LinkedHashSet<>();
        entities.forEach(e -> wanted.add(subjects.of(e, run)));
        ensureStream(connection.jetStreamManagement(), wanted);
      }
    } catch (IOException | JetStreamApiException e) {
      throw new SinkException(
          "nats at "
              + dev.syngen.core.sink.Redactor.dsn(settings.url())
              + " cannot be prepared: "
              + Retry.describe(e)
              + ". Nothing was sent. Fix: start the server (with -js for JetStream) or correct the"
              + " dsn",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SinkException("interrupted while connecting to nats", e);
    }
  }

  private void ensureStream(JetStreamManagement jsm, Set<String> wanted)
      throws IOException, JetStreamApiException {
    StreamInfo info;
    try {
      info = jsm.getStreamInfo(settings.stream());
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
        throw e;
      }
      jsm.addStream(
          StreamConfiguration.builder()
              .name(settings.stream())
              .subjects(new ArrayList<>(wanted))
              .storageType(StorageType.File)
              .duplicateWindow(Duration.ofMinutes(2))
              .build());
      return;
    }
    List<String> have = info.getConfiguration().getSubjects();
    List<String> missing = wanted.stream().filter(s -> !captured(have, s)).toList();
    if (!missing.isEmpty()) {
      throw new SinkException(
          "JetStream stream '"
              + settings.stream()
              + "' captures "
              + have
              + " but not "
              + missing
              + ". Nothing was sent. Fix: add the subjects to the stream, or set options.stream to"
              + " a new name and syngen creates it");
    }
  }

  /** NATS subject matching: {@code *} matches one token, {@code >} the rest. */
  static boolean captured(List<String> filters, String subject) {
    String[] s = subject.split("\\.");
    for (String f : filters) {
      String[] p = f.split("\\.");
      boolean match = true;
      for (int i = 0; i < p.length && match; i++) {
        if (p[i].equals(">")) {
          return s.length > i;
        }
        match = i < s.length && (p[i].equals("*") || p[i].equals(s[i]));
      }
      if (match && p.length == s.length) {
        return true;
      }
    }
    return false;
  }

  @Override
  public EntityWriter<NatsChunk> open(CompiledEntity entity, long startRow) {
    if (connection == null) {
      throw new IllegalStateException("prepare() must run before open()");
    }
    String subject = subjects.of(entity, run);
    return settings.jetstream()
        ? new JetStreamWriter(
            connection, subject, entity, startRow, encoders.of(entity), run, settings)
        : new CorePublishWriter(
            connection, subject, entity, startRow, encoders.of(entity), run, settings);
  }

  @Override
  public void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
