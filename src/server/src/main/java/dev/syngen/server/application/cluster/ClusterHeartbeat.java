package dev.syngen.server.application.cluster;

import dev.syngen.core.sink.Redactor;
import dev.syngen.server.application.batch.BatchSettings;
import dev.syngen.server.application.batch.ChunkTally;
import dev.syngen.server.application.batch.ExecutorChunks;
import dev.syngen.server.infrastructure.persistence.JpaClusterMembers;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * On a dispatcher or an executor, records this server's heartbeat in the shared history database
 * every {@code syngen.cluster.heartbeat-seconds}: its role, when it started, its chunks running and
 * written with their rows, and the previous heartbeat's rows and time. A standalone server records
 * nothing.
 */
@Singleton
@Startup
@DependsOn("HistorySchema")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClusterHeartbeat {
  private static final Logger LOG = Logger.getLogger(ClusterHeartbeat.class.getName());

  @Inject BatchSettings settings;
  @Inject ExecutorChunks chunks;
  @Inject JpaClusterMembers members;
  @Inject Clock clock;

  @Resource ManagedScheduledExecutorService scheduler;

  private Instant startedAt;
  private Instant previousAt;
  private long previousRows;
  private boolean failing;
  private ScheduledFuture<?> beats;

  @PostConstruct
  void start() {
    if (!settings.clustered()) {
      return;
    }
    startedAt = clock.instant();
    previousAt = startedAt;
    int seconds = settings.heartbeatSeconds();
    beats = scheduler.scheduleAtFixedRate(this::beat, 0, seconds, TimeUnit.SECONDS);
    LOG.info(
        ExecutorChunks.serverName()
            + " ("
            + settings.role()
            + ") records its heartbeat every "
            + seconds
            + " s");
  }

  @PreDestroy
  void stop() {
    if (beats != null) {
      beats.cancel(false);
    }
  }

  /**
   * One heartbeat. Runs on the scheduler's thread only, one at a time (a fixed rate never
   * overlaps), and never throws: a task that throws is not run again.
   */
  private void beat() {
    try {
      Instant now = clock.instant();
      ChunkTally t = chunks.tally();
      members.beat(
          new ClusterMember(
              ExecutorChunks.serverName(),
              settings.role(),
              startedAt,
              now,
              settings.heartbeatSeconds(),
              t.running(),
              t.written(),
              t.rows(),
              previousAt,
              previousRows));
      previousAt = now;
      previousRows = t.rows();
      if (failing) {
        LOG.info("heartbeats are recorded again");
        failing = false;
      }
    } catch (RuntimeException e) {
      // said once per outage: the history database being away is reported by readiness too
      LOG.log(
          failing ? Level.FINE : Level.WARNING,
          "cannot record this server's heartbeat in the history database: "
              + Redactor.text(String.valueOf(e.getMessage())));
      failing = true;
    }
  }
}
