package dev.syngen.server.application.cluster;

import static dev.syngen.server.application.cluster.InMemoryClusterMembers.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.server.application.audit.AuditEntry;
import dev.syngen.server.application.batch.BatchSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpiredMembersTest {
  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
  private static final Duration HOUR = Duration.ofHours(1);

  private final InMemoryClusterMembers store = new InMemoryClusterMembers();
  private final List<AuditEntry> audited = new ArrayList<>();

  @Test
  void aMemberIsExpiredOnlyOnceItHasBeenDownForLongerThanTheRetention() {
    // 5 s heartbeats: down 15 s after its last one, expired an hour after that
    ClusterMember m = member("ex@host", NOW, 5);
    Instant downAt = NOW.plusSeconds(15);
    assertFalse(ExpiredMembers.expired(m, downAt.plus(HOUR), HOUR), "exactly the retention");
    assertTrue(ExpiredMembers.expired(m, downAt.plus(HOUR).plusMillis(1), HOUR));
    assertFalse(ExpiredMembers.expired(m, downAt.plusSeconds(1), HOUR), "down, but only 1 s");
  }

  @Test
  void aMemberThatIsUpIsNeverExpiredHoweverShortTheRetention() {
    ClusterMember slow = member("dispatcher@host", NOW, 600); // up for 30 minutes after NOW
    Duration minute = Duration.ofMinutes(1);
    for (long s = 0; s <= 1_800; s += 60) {
      Instant at = NOW.plusSeconds(s);
      assertEquals("up", MemberState.of(slow, at).state());
      assertFalse(ExpiredMembers.expired(slow, at, minute), "up at +" + s + " s");
    }
    assertTrue(ExpiredMembers.expired(slow, NOW.plusSeconds(1_800 + 61), minute));
  }

  @Test
  void everyExpiredMemberIsAmongTheCandidatesTheQueryReads() {
    Instant cutoff = ExpiredMembers.candidatesSeenBefore(NOW, HOUR);
    for (int beat : new int[] {1, 5, 60, 3_600}) {
      // the newest heartbeat that has just expired at NOW
      ClusterMember m = member("m@host", NOW.minus(HOUR).minusSeconds(3L * beat + 1), beat);
      assertTrue(ExpiredMembers.expired(m, NOW, HOUR), "interval " + beat);
      assertTrue(m.seenAt().isBefore(cutoff), "interval " + beat + " is read");
    }
  }

  @Test
  void removesTheExpiredMembersAndAuditsEachAsTheSystem() {
    store.put(member("gone@pod-1", NOW.minus(HOUR).minusSeconds(16), 5));
    store.put(member("gone@pod-2", NOW.minus(Duration.ofDays(3)), 5));
    store.put(member("recent@pod-3", NOW.minus(HOUR).minusSeconds(14), 5)); // down < 1 h
    store.put(member("alive@pod-4", NOW.minusSeconds(2), 5));
    store.put(member("slow@pod-5", NOW.minus(HOUR).minusSeconds(10), 600)); // down for about 30 min

    List<String> removed = expiredMembers(60).remove(NOW);

    assertEquals(List.of("gone@pod-2", "gone@pod-1"), removed, "the longest unseen first");
    assertEquals(
        List.of("alive@pod-4", "recent@pod-3", "slow@pod-5"), List.copyOf(store.rows.keySet()));
    assertEquals(2, audited.size());
    AuditEntry e = audited.get(1);
    assertEquals("system", e.actor());
    assertEquals("cluster.member.remove", e.action());
    assertEquals("member:gone@pod-1", e.subject());
    assertEquals(NOW, e.time());
    assertNull(e.traceId());
    assertTrue(
        e.details().endsWith("down for more than syngen.cluster.member-retention-minutes=60"),
        e.details());
    assertTrue(e.details().startsWith("role=executor, started "), e.details());
  }

  @Test
  void theRetentionComesFromTheSetting() {
    store.put(member("gone@pod-1", NOW.minusSeconds(16 + 120), 5)); // down for 2 min
    assertEquals(List.of(), expiredMembers(3).remove(NOW));
    assertEquals(List.of("gone@pod-1"), expiredMembers(1).remove(NOW));
  }

  @Test
  void aMemberAnotherServerRemovedFirstOrThatCameBackIsNeitherRemovedNorAudited() {
    ClusterMember old = member("back@pod-1", NOW.minus(Duration.ofDays(1)), 5);
    store.put(old);
    store.put(member("raced@pod-2", NOW.minus(Duration.ofDays(1)), 5));
    InMemoryClusterMembers racing =
        new InMemoryClusterMembers() {
          @Override
          public boolean remove(String name, Instant seenAt) {
            // between the read and the delete: one member beats again, another server prunes
            store.put(member("back@pod-1", NOW, 5));
            store.rows.remove("raced@pod-2");
            return store.remove(name, seenAt);
          }

          @Override
          public List<ClusterMember> seenBefore(Instant before, int limit) {
            return store.seenBefore(before, limit);
          }
        };
    ExpiredMembers x = expiredMembers(60);
    x.members = racing;

    assertEquals(List.of(), x.remove(NOW));
    assertTrue(audited.isEmpty());
    assertEquals(NOW, store.rows.get("back@pod-1").seenAt(), "the member that came back stays");
  }

  @Test
  void severalServersPruningAtOnceRemoveEachMemberOnce() {
    store.put(member("gone@pod-1", NOW.minus(Duration.ofDays(1)), 5));
    ExpiredMembers first = expiredMembers(60);
    ExpiredMembers second = expiredMembers(60);
    // both read the candidates before either deletes
    List<ClusterMember> read = store.seenBefore(NOW, 10);
    InMemoryClusterMembers sameRead =
        new InMemoryClusterMembers() {
          @Override
          public List<ClusterMember> seenBefore(Instant before, int limit) {
            return read;
          }

          @Override
          public boolean remove(String name, Instant seenAt) {
            return store.remove(name, seenAt);
          }
        };
    first.members = sameRead;
    second.members = sameRead;

    assertEquals(List.of("gone@pod-1"), first.remove(NOW));
    assertEquals(List.of(), second.remove(NOW));
    assertEquals(1, audited.size());
  }

  private ExpiredMembers expiredMembers(long retentionMinutes) {
    ExpiredMembers x = new ExpiredMembers();
    x.members = store;
    x.audit = MemberRemovals.auditInto(audited);
    x.settings =
        new BatchSettings() {
          @Override
          public Duration memberRetention() {
            return Duration.ofMinutes(retentionMinutes);
          }
        };
    return x;
  }
}
