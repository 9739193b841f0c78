package dev.syngen.server.application.cluster;

import static dev.syngen.server.application.cluster.InMemoryClusterMembers.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.server.application.audit.AuditEntry;
import dev.syngen.server.application.error.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemberRemovalTest {
  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

  private final InMemoryClusterMembers store = new InMemoryClusterMembers();
  private final List<AuditEntry> audited = new ArrayList<>();
  private boolean clustered = true;

  @Test
  void aMemberThatIsDownIsRemovedAndTheRemovalAuditedWithTheCaller() {
    store.put(member("syngenExecutor1@executor-7d9f-x2k4", NOW.minusSeconds(16), 5));
    store.put(member("other@host", NOW.minusSeconds(16), 5));

    removal().remove("syngenExecutor1@executor-7d9f-x2k4");

    assertEquals(List.of("other@host"), List.copyOf(store.rows.keySet()));
    assertEquals(1, audited.size());
    AuditEntry e = audited.get(0);
    assertEquals("admin", e.actor());
    assertEquals("cluster.member.remove", e.action());
    assertEquals("member:syngenExecutor1@executor-7d9f-x2k4", e.subject());
    assertEquals("trace-1", e.traceId());
    assertEquals(NOW, e.time());
    assertTrue(
        e.details()
            .contains("last heartbeat 2026-12-04T11:59:44Z, down since 2026-12-04T11:59:59Z"),
        e.details());
  }

  @Test
  void aMemberThatIsUpIsRefusedWithHowLongAgoItBeatAndTheFix() {
    store.put(member("ex@host", NOW.minusSeconds(4), 5));
    ApiException e = assertThrows(ApiException.class, () -> removal().remove("ex@host"));
    assertEquals(409, e.status());
    assertEquals(
        "member ex@host sent a heartbeat 4 s ago; stop it first or wait until it is down (3"
            + " heartbeats missed, in 11 s)",
        e.getMessage());
    assertTrue(store.rows.containsKey("ex@host"));
    assertTrue(audited.isEmpty());
  }

  @Test
  void aMemberIsUpUntilItsThirdMissedHeartbeatHasPassed() {
    store.put(member("ex@host", NOW.minusSeconds(15), 5));
    assertEquals(409, assertThrows(ApiException.class, () -> removal().remove("ex@host")).status());
    store.put(member("ex@host", NOW.minusSeconds(15).minusMillis(1), 5));
    removal().remove("ex@host");
    assertFalse(store.rows.containsKey("ex@host"));
  }

  @Test
  void anUnknownMemberIsNotFoundWithWhereToListThem() {
    store.put(member("ex@host", NOW.minusSeconds(60), 5));
    ApiException e = assertThrows(ApiException.class, () -> removal().remove("ex@other"));
    assertEquals(404, e.status());
    assertEquals(
        "no cluster member 'ex@other'; GET /api/v1/cluster/members lists them", e.getMessage());
  }

  @Test
  void aStandaloneServerHasNoMembersToRemove() {
    clustered = false;
    store.put(member("ex@host", NOW.minusSeconds(60), 5));
    ApiException e = assertThrows(ApiException.class, () -> removal().remove("ex@host"));
    assertEquals(404, e.status());
    assertTrue(e.getMessage().contains("this server is standalone"), e.getMessage());
    assertTrue(store.rows.containsKey("ex@host"));
  }

  @Test
  void aHeartbeatBetweenTheReadAndTheDeleteKeepsTheMemberAndIsAConflict() {
    store.put(member("ex@host", NOW.minusSeconds(60), 5));
    MemberRemoval r = removal();
    r.members =
        new InMemoryClusterMembers() {
          private boolean read;

          @Override
          public java.util.Optional<ClusterMember> find(String name) {
            var m = store.find(name);
            if (!read) {
              read = true;
              store.put(member("ex@host", NOW, 5)); // it beats right after the read
            }
            return m;
          }

          @Override
          public boolean remove(String name, Instant seenAt) {
            return store.remove(name, seenAt);
          }
        };
    ApiException e = assertThrows(ApiException.class, () -> r.remove("ex@host"));
    assertEquals(409, e.status());
    assertTrue(
        e.getMessage().startsWith("member ex@host sent a heartbeat 0 s ago"), e.getMessage());
    assertTrue(store.rows.containsKey("ex@host"));
    assertTrue(audited.isEmpty());
  }

  @Test
  void aNameNoMemberCanHaveIsABadRequestThatNamesTheRule() {
    store.put(member("ex@host", NOW.minusSeconds(60), 5));
    for (String bad : List.of("", "ex host", "ex/../host", "ex@host;drop", "ex\u0000@host", "'")) {
      ApiException e = assertThrows(ApiException.class, () -> removal().remove(bad), bad);
      assertEquals(400, e.status(), bad);
      assertTrue(e.getMessage().contains("<Liberty server>@<host>"), bad + ": " + e.getMessage());
    }
    ApiException chars = assertThrows(ApiException.class, () -> removal().remove("ex host"));
    assertEquals(
        "the member name 'ex host' may hold only letters, digits, '.', '_', '-', '+' and '@'; use"
            + " the name as GET /api/v1/cluster/members lists it, <Liberty server>@<host> (e.g."
            + " syngenExecutor1@executor-7d9f-x2k4)",
        chars.getMessage());
    assertTrue(store.rows.containsKey("ex@host"));
  }

  @Test
  void aNameLongerThanTheColumnIsRefusedWithoutEchoingIt() {
    String longName = "e".repeat(257);
    ApiException e = assertThrows(ApiException.class, () -> removal().remove(longName));
    assertEquals(400, e.status());
    assertTrue(e.getMessage().startsWith("the member name has 257 characters, at most 256"));
    assertFalse(e.getMessage().contains(longName));
    String longest = "e".repeat(256);
    assertEquals(404, assertThrows(ApiException.class, () -> removal().remove(longest)).status());
  }

  @Test
  void namesOfLibertyServersOnAnyHostAreAccepted() {
    for (String name :
        List.of("syngenServer@localhost", "dispatcher+1@10.0.0.7", "exécuteur_2@pod.ns.svc")) {
      store.put(member(name, NOW.minusSeconds(60), 5));
      removal().remove(name);
      assertFalse(store.rows.containsKey(name), name);
    }
  }

  private MemberRemoval removal() {
    return MemberRemovals.of(store, NOW, () -> clustered, audited, "admin");
  }
}
