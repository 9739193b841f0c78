package dev.syngen.server.interfaces.console;

import static dev.syngen.server.application.cluster.InMemoryClusterMembers.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.server.application.audit.AuditEntry;
import dev.syngen.server.application.cluster.InMemoryClusterMembers;
import dev.syngen.server.application.cluster.MemberRemoval;
import dev.syngen.server.application.cluster.MemberRemovals;
import dev.syngen.server.application.cluster.MemberState;
import dev.syngen.server.interfaces.view.ClusterMemberView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Executors panel's Remove button: the REST API's removal, its answers as page messages. */
class DashboardBeanTest {
  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

  private final InMemoryClusterMembers store = new InMemoryClusterMembers();
  private final List<AuditEntry> audited = new ArrayList<>();
  private final RecordedMessages messages = new RecordedMessages();

  @AfterEach
  void closeMessages() {
    messages.close();
  }

  @Test
  void aDownMemberIsRemovedAuditedWithTheAdminAndGoneFromThePanel() {
    store.put(member("ex@down", NOW.minusSeconds(60), 5));
    store.put(member("ex@up", NOW.minusSeconds(2), 5));
    DashboardBean bean = dashboard("admin");
    assertEquals(List.of("ex@up", "ex@down"), names(bean.getMembers())); // read by the postback

    bean.removeMember("ex@down");

    assertEquals(
        List.of("INFO Removed member ex@down (audited as cluster.member.remove)."),
        messages.lines());
    assertEquals(List.of("ex@up"), names(bean.getMembers()));
    assertEquals(1, audited.size());
    assertEquals("admin", audited.get(0).actor());
    assertEquals("member:ex@down", audited.get(0).subject());
  }

  @Test
  void anUpMemberIsKeptAndThePageSaysWhatTheServiceSays() {
    store.put(member("ex@host", NOW.minusSeconds(4), 5));

    dashboard("admin").removeMember("ex@host");

    assertEquals(
        List.of(
            "ERROR Conflict: member ex@host sent a heartbeat 4 s ago; stop it first or wait until"
                + " it is down (3 heartbeats missed, in 11 s)"),
        messages.lines());
    assertTrue(store.find("ex@host").isPresent());
    assertTrue(audited.isEmpty());
  }

  @Test
  void aMemberAlreadyGoneIsNotFoundAndThePanelShowsTheListAsItIsNow() {
    store.put(member("ex@down", NOW.minusSeconds(60), 5));
    DashboardBean bean = dashboard("admin");
    assertEquals(List.of("ex@down"), names(bean.getMembers()));
    store.remove("ex@down", NOW.minusSeconds(60)); // its retention ended before the click

    bean.removeMember("ex@down");

    assertEquals(
        List.of(
            "ERROR Not Found: no cluster member 'ex@down'; GET /api/v1/cluster/members lists them"),
        messages.lines());
    assertEquals(List.of(), names(bean.getMembers()));
    assertTrue(audited.isEmpty());
  }

  @Test
  void aViewerIsRefusedByTheServicesRoleAndTheMemberStays() {
    store.put(member("ex@down", NOW.minusSeconds(60), 5));

    dashboard("viewer").removeMember("ex@down");

    assertEquals(
        List.of("ERROR Only an admin may do this; you are signed in as a viewer."),
        messages.lines());
    assertTrue(store.find("ex@down").isPresent());
    assertTrue(audited.isEmpty());
  }

  @Test
  void aPostWithoutTheRowsNameRemovesNothingAndSaysWhy() {
    store.put(member("ex@down", NOW.minusSeconds(60), 5));

    dashboard("admin").removeMember(" ");

    assertEquals(
        List.of("ERROR The request named no member; reload the page and click again."),
        messages.lines());
    assertTrue(store.find("ex@down").isPresent());
    assertTrue(audited.isEmpty());
  }

  /** The dashboard of a caller in {@code role}, its facade over the in-memory member table. */
  private DashboardBean dashboard(String role) {
    ConsoleFacade facade =
        new ConsoleFacade() {
          @Override
          public List<ClusterMemberView> clusterMembers() {
            return store.seenBefore(Instant.MAX, 500).stream()
                .sorted((a, b) -> b.seenAt().compareTo(a.seenAt()))
                .map(m -> ClusterMemberView.of(MemberState.of(m, NOW)))
                .toList();
          }
        };
    facade.memberRemoval =
        asContainer(MemberRemovals.of(store, NOW, () -> true, audited, role), role);
    DashboardBean bean = new DashboardBean();
    bean.facade = facade;
    return bean;
  }

  /**
   * The service as the EJB container calls it: a caller without a role that {@code remove}'s {@link
   * RolesAllowed} names is refused before the method runs.
   */
  private static MemberRemoval asContainer(MemberRemoval service, String callerRole) {
    return new MemberRemoval() {
      @Override
      public void remove(String name) {
        if (!allowed(callerRole)) {
          throw new EJBAccessException("CWWKS9400A: Authorization failed for user " + callerRole);
        }
        service.remove(name);
      }
    };
  }

  /** Whether {@code role} may call {@code remove}: every role when it names none. */
  private static boolean allowed(String role) {
    try {
      RolesAllowed r =
          MemberRemoval.class.getMethod("remove", String.class).getAnnotation(RolesAllowed.class);
      return r == null || Arrays.asList(r.value()).contains(role);
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> names(List<ClusterMemberView> members) {
    return members.stream().map(ClusterMemberView::name).toList();
  }
}
