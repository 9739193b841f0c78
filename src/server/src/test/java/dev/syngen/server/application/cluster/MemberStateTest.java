package dev.syngen.server.application.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MemberStateTest {
  private static final Instant STARTED = Instant.parse("2026-12-04T10:00:00Z");
  private static final Instant SEEN = Instant.parse("2026-12-04T10:05:00Z");

  /** An executor with 5 s heartbeats, last seen at SEEN having written 50,000 rows in 5 s. */
  private static ClusterMember executor(long rows, Instant previousSeen, long previousRows) {
    return new ClusterMember(
        "syngenExecutor1@host",
        "executor",
        STARTED,
        SEEN,
        5,
        2,
        12,
        rows,
        previousSeen,
        previousRows);
  }

  @Test
  void aMemberSeenWithinThreeHeartbeatsIsUp() {
    MemberState s = MemberState.of(executor(50_000, SEEN.minusSeconds(5), 0), SEEN.plusSeconds(15));
    assertEquals("up", s.state());
    assertEquals(2, s.chunksRunning());
    assertEquals(12, s.chunksWritten());
    assertEquals(50_000, s.rowsWritten());
    assertEquals(STARTED, s.startedAt());
    assertEquals(SEEN, s.seenAt());
  }

  @Test
  void aMemberUnseenForMoreThanThreeHeartbeatsIsDownWithNothingRunningAndNoRate() {
    MemberState s =
        MemberState.of(
            executor(50_000, SEEN.minusSeconds(5), 0), SEEN.plusSeconds(15).plusMillis(1));
    assertEquals("down", s.state());
    assertEquals(0, s.chunksRunning(), "its last chunks running are not known to run");
    assertEquals(0.0, s.rowsPerSecond());
    assertEquals(50_000, s.rowsWritten(), "what it wrote stays written");
    assertEquals(12, s.chunksWritten());
  }

  @Test
  void downFollowsTheMembersOwnHeartbeatInterval() {
    ClusterMember slow =
        new ClusterMember("d@host", "dispatcher", STARTED, SEEN, 60, 0, 0, 0, STARTED, 0);
    assertEquals("up", MemberState.of(slow, SEEN.plusSeconds(179)).state());
    assertEquals("down", MemberState.of(slow, SEEN.plusSeconds(181)).state());
  }

  @Test
  void theRateIsTheRowsBetweenTheLastTwoHeartbeatsOverTheirInterval() {
    MemberState s =
        MemberState.of(executor(150_000, SEEN.minusSeconds(4), 100_000), SEEN.plusSeconds(1));
    assertEquals(12_500.0, s.rowsPerSecond());
  }

  @Test
  void theRateKeepsOneDecimal() {
    MemberState s =
        MemberState.of(executor(1_010, SEEN.minusSeconds(3), 1_000), SEEN.plusSeconds(1));
    assertEquals(3.3, s.rowsPerSecond());
  }

  @Test
  void noRowsOrNoTimeBetweenHeartbeatsIsNoRate() {
    assertEquals(0.0, MemberState.of(executor(7, SEEN.minusSeconds(5), 7), SEEN).rowsPerSecond());
    assertEquals(0.0, MemberState.of(executor(9, SEEN, 7), SEEN).rowsPerSecond());
    assertEquals(
        0.0,
        MemberState.of(executor(5, SEEN.minusSeconds(5), 7), SEEN).rowsPerSecond(),
        "fewer rows than before is no negative rate");
  }
}
