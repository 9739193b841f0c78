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
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * On a dispatcher or an executor, records this server's heartbeat in the shared history database
 * every {@code syngen.cluster.heartbeat-seconds}: its role, when it started, its chunks running and
 * written with their rows, and the previous heartbeat's rows and time. About once a minute it also
 * removes the members down for longer than their retention ({@link ExpiredMembers}). A standalone
 * server records and removes nothing.
 */
@Singleton
@Startup
@DependsOn("HistorySchema")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClusterHeartbeat {
  private static final Logger LOG = Logger.getLogger(ClusterHeartbeat.class.getName());

  /** How often a member looks for members to remove: often enough for minutes of retention. */
  static final Duration PRUNE_EVERY = Duration.ofMinutes(1);

  @Inject BatchSettings settings;
  @Inject ExecutorChunks chunks;
  @Inject JpaClusterMembers members;
  @Inject ExpiredMembers expired;
  @Inject Clock clock;

  @Resource ManagedScheduledExecutorService scheduler;

  private Instant startedAt;
  private Instant previousAt;
  private long previousRows;
  private boolean failing;
  private Instant prunedAt;
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
      if (prunedAt == null || !now.isBefore(prunedAt.plus(PRUNE_EVERY))) {
        prunedAt = now;
        prune(now);
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

  /** Removes the expired members; a failure is logged and tried again at the next minute. */
  private void prune(Instant now) {
    try {
      expired.remove(now);
    } catch (RuntimeException e) {
      LOG.warning(
          "cannot remove the cluster members down for longer than"
              + " syngen.cluster.member-retention-minutes: "
              + Redactor.text(String.valueOf(e.getMessage())));
    }
  }
}
