package dev.syngen.server.application.cluster;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.server.application.batch.BatchSettings;
import dev.syngen.server.application.batch.ChunkTally;
import dev.syngen.server.application.batch.ExecutorChunks;
import dev.syngen.server.infrastructure.persistence.JpaClusterMembers;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ClusterHeartbeatTest {
  private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

  private final List<ClusterMember> recorded = new ArrayList<>();
  private final List<Object[]> scheduled = new ArrayList<>();
  private final List<Instant> prunes = new ArrayList<>();
  private RuntimeException pruneFailure;
  private ChunkTally tally = new ChunkTally(0, 0, 0);
  private Instant now = T0;

  @Test
  void aStandaloneServerSchedulesNoHeartbeat() {
    ClusterHeartbeat beat = heartbeat("standalone", 5);
    beat.start();
    assertTrue(scheduled.isEmpty(), "scheduled on a standalone server");
    assertTrue(recorded.isEmpty());
  }

  @Test
  void anExecutorBeatsAtItsIntervalFromTheStart() {
    heartbeat("executor", 2).start();
    assertEquals(1, scheduled.size());
    Object[] args = scheduled.get(0);
    assertEquals(0L, args[1], "first heartbeat at once");
    assertEquals(2L, args[2]);
    assertEquals(TimeUnit.SECONDS, args[3]);
  }

  @Test
  void eachHeartbeatCarriesThePreviousOnesRowsAndTime() {
    heartbeat("executor", 5).start();
    Runnable beat = (Runnable) scheduled.get(0)[0];

    tally = new ChunkTally(1, 0, 0);
    beat.run();
    now = T0.plusSeconds(5);
    tally = new ChunkTally(2, 3, 15_000);
    beat.run();

    ClusterMember first = recorded.get(0);
    assertEquals(ExecutorChunks.serverName(), first.name());
    assertEquals("executor", first.role());
    assertEquals(T0, first.startedAt());
    assertEquals(T0, first.previousSeenAt());
    assertEquals(0, first.previousRowsWritten());
    assertEquals(5, first.heartbeatSeconds());
    ClusterMember second = recorded.get(1);
    assertEquals(T0.plusSeconds(5), second.seenAt());
    assertEquals(T0, second.previousSeenAt());
    assertEquals(2, second.chunksRunning());
    assertEquals(3, second.chunksWritten());
    assertEquals(15_000, second.rowsWritten());
    assertEquals(3_000.0, MemberState.of(second, now).rowsPerSecond());
  }

  @Test
  void aFailedHeartbeatIsNotThrownSoTheNextOneStillRuns() {
    ClusterHeartbeat h = heartbeat("dispatcher", 5);
    JpaClusterMembers recording = h.members;
    h.members =
        new JpaClusterMembers() {
          private boolean failed;

          @Override
          public void beat(ClusterMember m) {
            if (!failed) {
              failed = true;
              throw new IllegalStateException("history database unreachable");
            }
            recording.beat(m);
          }
        };
    h.start();
    Runnable beat = (Runnable) scheduled.get(0)[0];
    assertDoesNotThrow(beat::run);
    now = T0.plusSeconds(10);
    beat.run();
    assertEquals(1, recorded.size());
    assertEquals(T0.plusSeconds(10), recorded.get(0).seenAt());
    assertEquals(T0, recorded.get(0).previousSeenAt(), "a failed heartbeat is no previous one");
  }

  @Test
  void expiredMembersAreRemovedAtTheFirstHeartbeatAndThenOnceAMinute() {
    heartbeat("executor", 5).start();
    Runnable beat = (Runnable) scheduled.get(0)[0];
    for (int s = 0; s <= 125; s += 5) {
      now = T0.plusSeconds(s);
      beat.run();
    }
    assertEquals(List.of(T0, T0.plusSeconds(60), T0.plusSeconds(120)), prunes);
  }

  @Test
  void aFailedRemovalIsNoFailedHeartbeatAndIsTriedAgainAMinuteLater() {
    heartbeat("dispatcher", 30).start();
    Runnable beat = (Runnable) scheduled.get(0)[0];
    pruneFailure = new IllegalStateException("lock wait timed out");
    assertDoesNotThrow(beat::run);
    pruneFailure = null;
    now = T0.plusSeconds(30);
    beat.run();
    now = T0.plusSeconds(60);
    beat.run();
    assertEquals(3, recorded.size(), "every heartbeat is recorded");
    assertEquals(T0, recorded.get(1).previousSeenAt(), "the first heartbeat counted");
    assertEquals(List.of(T0, T0.plusSeconds(60)), prunes);
  }

  @Test
  void noRemovalWithoutARecordedHeartbeat() {
    ClusterHeartbeat h = heartbeat("executor", 5);
    h.members =
        new JpaClusterMembers() {
          @Override
          public void beat(ClusterMember m) {
            throw new IllegalStateException("history database unreachable");
          }
        };
    h.start();
    ((Runnable) scheduled.get(0)[0]).run();
    assertTrue(prunes.isEmpty());
  }

  private ClusterHeartbeat heartbeat(String role, int seconds) {
    ClusterHeartbeat h = new ClusterHeartbeat();
    h.settings =
        new BatchSettings() {
          @Override
          public String role() {
            return role;
          }

          @Override
          public boolean clustered() {
            return !role.equals("standalone");
          }

          @Override
          public int heartbeatSeconds() {
            return seconds;
          }
        };
    h.chunks =
        new ExecutorChunks() {
          @Override
          public ChunkTally tally() {
            return tally;
          }
        };
    h.members =
        new JpaClusterMembers() {
          @Override
          public void beat(ClusterMember m) {
            recorded.add(m);
          }
        };
    h.expired =
        new ExpiredMembers() {
          @Override
          public List<String> remove(Instant at) {
            prunes.add(at);
            if (pruneFailure != null) {
              throw pruneFailure;
            }
            return List.of();
          }
        };
    h.clock =
        new Clock() {
          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now;
          }
        };
    h.scheduler =
        (ManagedScheduledExecutorService)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ManagedScheduledExecutorService.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("scheduleAtFixedRate")) {
                    scheduled.add(args);
                    return null;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    return h;
  }
}
