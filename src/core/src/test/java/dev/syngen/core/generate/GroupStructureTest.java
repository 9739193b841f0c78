package dev.syngen.core.generate;

import static dev.syngen.core.Fixtures.col;
import static dev.syngen.core.Fixtures.entity;
import static dev.syngen.core.Fixtures.gen;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.Fixtures;
import dev.syngen.core.plan.Bands;
import dev.syngen.core.plan.CompiledColumn;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.Entity;
import dev.syngen.core.scenario.Expectations;
import dev.syngen.core.scenario.RowsPerParent;
import dev.syngen.core.scenario.ScaleBand;
import dev.syngen.core.scenario.Scenario;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Groups and their members: fk {@code distinct} (members of a group differ), fk {@code same_parent}
 * (a sender is a member of its conversation, a reader too, two levels down), exact totals made up
 * by heavy parents, absolute band sizes, and strictly increasing event times.
 */
class GroupStructureTest {
  private static final long BIGINT_ROWS = 300;

  private static Scenario chatLike(Map<String, Long> bandRows) {
    Entity users = entity("users", BIGINT_ROWS, col("user_id", ColumnType.BIGINT, gen("sequence")));
    Entity rooms =
        entity(
            "rooms",
            500,
            col("room_id", ColumnType.BIGINT, gen("sequence")),
            col("size", ColumnType.BIGINT, gen("geometric", "p", 0.3, "min", 2, "max", 40)),
            col(
                "started_at",
                ColumnType.TIMESTAMP,
                gen("timestamp_between", "start", "-60d", "end", "-30d")));
    Entity members =
        new Entity(
            "members",
            "members",
            0,
            List.of(
                col(
                    "room_id",
                    ColumnType.BIGINT,
                    gen("fk", "entity", "rooms", "column", "room_id")),
                col(
                    "user_id",
                    ColumnType.BIGINT,
                    gen("fk", "entity", "users", "column", "user_id", "distribution", "distinct"))),
            new RowsPerParent("rooms", gen("expression", "expr", "size"), 0, null));
    Entity messages =
        new Entity(
            "messages",
            "messages",
            0,
            List.of(
                col("message_id", ColumnType.BIGINT, gen("sequence")),
                col(
                    "room_id",
                    ColumnType.BIGINT,
                    gen("fk", "entity", "rooms", "column", "room_id")),
                col(
                    "sender_id",
                    ColumnType.BIGINT,
                    gen(
                        "fk",
                        "entity",
                        "members",
                        "column",
                        "user_id",
                        "distribution",
                        "same_parent")),
                col(
                    "sent_at",
                    ColumnType.TIMESTAMP,
                    gen("poisson_process", "after", "started_at", "span", "1d", "strict", true))),
            new RowsPerParent(
                "rooms",
                gen("pareto", "min", 3, "alpha", 0.8, "max", 500, "round", true),
                0.05,
                gen("pareto", "min", 1000, "alpha", 1.5, "max", 20000, "round", true)));
    Entity receipts =
        new Entity(
            "receipts",
            "receipts",
            0,
            List.of(
                col(
                    "message_id",
                    ColumnType.BIGINT,
                    gen("fk", "entity", "messages", "column", "message_id")),
                col(
                    "reader_id",
                    ColumnType.BIGINT,
                    gen(
                        "fk",
                        "entity",
                        "members",
                        "column",
                        "user_id",
                        "distribution",
                        "same_parent"))),
            new RowsPerParent("messages", gen("binomial", "n", 1, "p", 0.8), 0, null));
    List<ScaleBand> bands = List.of(new ScaleBand("small", 1, Map.of(), bandRows));
    return new Scenario(
        "chatlike",
        "chat-like",
        "1",
        null,
        null,
        Fixtures.AS_OF,
        List.of(users, rooms, members, messages, receipts),
        bands,
        Expectations.NONE);
  }

  private static CompiledPlan compile(Scenario s, long seed) {
    return Fixtures.COMPILER.compile(s, Bands.apply(s, "small", RunOverrides.NONE.withSeed(seed)));
  }

  private static long[] longs(CompiledPlan plan, String entity, String column) {
    CompiledColumn c = Fixtures.column(plan, entity, column);
    long rows = Fixtures.compiled(plan, entity).rows();
    long[] out = new long[(int) rows];
    for (int r = 0; r < rows; r++) {
      out[r] = c.generator().longAt(c.key(), r);
    }
    return out;
  }

  private static Map<Long, Set<Long>> membership(CompiledPlan plan) {
    long[] room = longs(plan, "members", "room_id");
    long[] user = longs(plan, "members", "user_id");
    Map<Long, Set<Long>> out = new HashMap<>();
    for (int i = 0; i < room.length; i++) {
      assertTrue(
          out.computeIfAbsent(room[i], k -> new HashSet<>()).add(user[i]),
          "user " + user[i] + " twice in room " + room[i]);
    }
    return out;
  }

  @Test
  void membersOfAGroupAreDistinctAndSendersAndReadersAreMembers() {
    CompiledPlan plan = compile(chatLike(Map.of("messages", 60_000L)), 7);
    Map<Long, Set<Long>> members = membership(plan);
    long[] sizes = longs(plan, "rooms", "size");
    for (int r = 0; r < sizes.length; r++) {
      assertEquals(sizes[r], members.get((long) r + 1).size(), "members of room " + (r + 1));
    }
    long[] room = longs(plan, "messages", "room_id");
    long[] sender = longs(plan, "messages", "sender_id");
    for (int i = 0; i < room.length; i++) {
      assertTrue(members.get(room[i]).contains(sender[i]), "sender of message " + i);
    }
    long[] message = longs(plan, "receipts", "message_id");
    long[] reader = longs(plan, "receipts", "reader_id");
    for (int i = 0; i < message.length; i++) {
      long r = room[(int) message[i] - 1];
      assertTrue(members.get(r).contains(reader[i]), "reader of receipt " + i);
    }
    Set<Long> senders = new HashSet<>();
    for (long s : sender) {
      senders.add(s);
    }
    assertTrue(senders.size() > BIGINT_ROWS / 2, "senders spread over the users");
  }

  @Test
  void sameSeedGivesTheSameMembersAndSendersAnotherSeedOthers() {
    Scenario s = chatLike(Map.of("messages", 60_000L));
    CompiledPlan a = compile(s, 7);
    CompiledPlan b = compile(s, 7);
    CompiledPlan c = compile(s, 8);
    assertArrayEquals(longs(a, "members", "user_id"), longs(b, "members", "user_id"));
    assertArrayEquals(longs(a, "messages", "sender_id"), longs(b, "messages", "sender_id"));
    assertArrayEquals(longs(a, "receipts", "reader_id"), longs(b, "receipts", "reader_id"));
    long[] m7 = longs(a, "messages", "sender_id");
    long[] m8 = longs(c, "messages", "sender_id");
    assertFalse(java.util.Arrays.equals(m7, java.util.Arrays.copyOf(m8, m7.length)));
  }

  @Test
  void heavyParentsMakeUpAnExactTotalAndKeepTheirMinimum() {
    for (long total : new long[] {60_000L, 200_000L}) {
      CompiledPlan plan = compile(chatLike(Map.of("messages", total)), 7);
      assertEquals(total, Fixtures.compiled(plan, "messages").rows());
      ChildAllocation a = Fixtures.compiled(plan, "messages").allocation();
      long sum = 0;
      for (long p = 0; p < a.parents(); p++) {
        long n = a.count(p);
        sum += n;
        if (a.heavy(p)) {
          assertTrue(n >= 1000 - 25, "heavy parent " + p + " has " + n);
        } else {
          assertTrue(n <= 500, "body parent " + p + " has " + n);
        }
      }
      assertEquals(total, sum);
    }
  }

  @Test
  void aTotalTheHeavyParentsCannotMeetIsRefusedWithAFix() {
    ValidationException e =
        assertThrows(
            ValidationException.class, () -> compile(chatLike(Map.of("messages", 100L)), 7));
    assertTrue(e.getMessage().contains("rows_per_parent.count"), e.getMessage());
    assertTrue(e.problems().get(0).fix() != null);
  }

  @Test
  void bandRowsAreAbsoluteAndTheRunScaleStillApplies() {
    Scenario s = chatLike(Map.of("users", 120L, "rooms", 200L, "messages", 50_000L));
    CompiledPlan plan = compile(s, 3);
    assertEquals(120, Fixtures.compiled(plan, "users").rows());
    assertEquals(200, Fixtures.compiled(plan, "rooms").rows());
    assertEquals(50_000, Fixtures.compiled(plan, "messages").rows());
    RunOverrides half =
        Bands.apply(s, "small", new RunOverrides(3L, null, 0.5, null, null, null, null));
    assertEquals(60L, half.entityCounts().get("users"));
    assertEquals(25_000L, half.entityCounts().get("messages"));
  }

  @Test
  void strictEventTimesNeverRepeatWithinAParent() {
    CompiledPlan plan = compile(chatLike(Map.of("messages", 200_000L)), 7);
    long[] room = longs(plan, "messages", "room_id");
    long[] t = longs(plan, "messages", "sent_at");
    for (int i = 1; i < t.length; i++) {
      if (room[i] == room[i - 1]) {
        assertTrue(t[i] > t[i - 1], "message " + i + " not after " + (i - 1));
      }
    }
  }

  @Test
  void distinctAndSameParentAndStrictNeedTheirLayouts() {
    Entity users = entity("users", 10, col("user_id", ColumnType.BIGINT, gen("sequence")));
    Entity flat =
        entity(
            "flat",
            10,
            col(
                "a",
                ColumnType.BIGINT,
                gen("fk", "entity", "users", "column", "user_id", "distribution", "distinct")),
            col(
                "b",
                ColumnType.BIGINT,
                gen("fk", "entity", "users", "column", "user_id", "distribution", "same_parent")),
            col(
                "t",
                ColumnType.TIMESTAMP,
                gen("poisson_process", "start", "-1d", "end", "0d", "strict", true)));
    ValidationException e =
        assertThrows(
            ValidationException.class, () -> Fixtures.compile(Fixtures.scenario(users, flat), 1));
    List<String> paths = e.problems().stream().map(p -> p.path()).toList();
    assertTrue(
        paths.contains("entities[1].columns[0].generator.params.distribution"), paths.toString());
    assertTrue(
        paths.contains("entities[1].columns[1].generator.params.distribution"), paths.toString());
    assertTrue(paths.contains("entities[1].columns[2].generator.params.strict"), paths.toString());
  }
}
