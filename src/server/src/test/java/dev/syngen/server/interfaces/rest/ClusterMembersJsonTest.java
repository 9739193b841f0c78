package dev.syngen.server.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.syngen.server.application.cluster.ClusterMember;
import dev.syngen.server.application.cluster.MemberState;
import dev.syngen.server.interfaces.view.ClusterMemberView;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClusterMembersJsonTest {

  @Test
  void aMemberIsWrittenInSnakeCaseWithIsoInstantsAndNothingElse() {
    Instant started = Instant.parse("2026-12-04T10:00:00Z");
    Instant seen = Instant.parse("2026-12-04T10:05:00Z");
    MemberState state =
        MemberState.of(
            new ClusterMember(
                "ex1@host", "executor", started, seen, 5, 2, 12, 60_000, seen.minusSeconds(5), 0),
            seen.plusSeconds(1));
    assertEquals(
        "{\"name\":\"ex1@host\",\"role\":\"executor\",\"state\":\"up\",\"chunks_running\":2,"
            + "\"chunks_written\":12,\"rows_written\":60000,\"rows_per_second\":12000.0,"
            + "\"started_at\":\"2026-12-04T10:00:00Z\",\"seen_at\":\"2026-12-04T10:05:00Z\"}",
        new JsonbConfigProvider().jsonb().toJson(ClusterMemberView.of(state)));
  }
}
