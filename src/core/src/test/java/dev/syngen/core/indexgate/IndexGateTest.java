package dev.syngen.core.indexgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.fidelity.FidelityReport.Verdict;
import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.problem.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Query sets, DDL scripts and the GO / NO-GO arithmetic of the index gate. */
class IndexGateTest {
  private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

  @Test
  void aQuerySetIsNamedQueriesWithTheirDescriptions() {
    Problems p = new Problems();
    QuerySet q =
        QuerySet.parse(
            "-- the file's own comment\n"
                + "-- name: history\n-- The newest messages.\n"
                + "SELECT a FROM t WHERE b = ';' -- trailing\nORDER BY c;\n\n"
                + "-- name: recent\nWITH x AS (SELECT 1) SELECT * FROM x\n",
            "queries",
            p);
    assertTrue(p.isEmpty(), p.list().toString());
    assertEquals(List.of("history", "recent"), q.names());
    assertEquals("The newest messages.", q.queries().get(0).description());
    assertEquals("SELECT a FROM t WHERE b = ';' \nORDER BY c", q.queries().get(0).sql());
  }

  @Test
  void aQuerySetRefusesWritesTwoStatementsDuplicatesAndStraySql() {
    Problems p = new Problems();
    QuerySet.parse(
        "SELECT 0;\n-- name: a\nDELETE FROM t;\n-- name: b\nSELECT 1; SELECT 2;\n"
            + "-- name: b\nSELECT 3\n-- name: bad-name\nSELECT 4\n-- name: c\n",
        "queries",
        p);
    String all = p.list().toString();
    assertTrue(all.contains("queries line 1: has SQL before the first '-- name:' line"), all);
    assertTrue(all.contains("queries.a: is not a query (it starts with 'DELETE')"), all);
    assertTrue(all.contains("queries.b: has 2 statements"), all);
    assertTrue(all.contains("the name 'b' is used twice"), all);
    assertTrue(all.contains("query name 'bad-name' is not a plain name"), all);
    assertTrue(all.contains("queries.c: has no SQL"), all);
  }

  @Test
  void ddlForPostgresNamesEveryIndexAndNotesBlockingBuilds() {
    Problems p = new Problems();
    DdlScript d =
        DdlScript.parse(
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS m_conv ON messages (conversation_id, sent_at DESC);\n"
                + "create unique index u_id on users using btree (user_id);\n"
                + "DROP INDEX CONCURRENTLY IF EXISTS old_idx;\nANALYZE messages;",
            Dialect.POSTGRES,
            "ddl",
            p);
    assertTrue(p.isEmpty(), p.list().toString());
    assertEquals(4, d.statements().size());
    assertEquals(List.of("m_conv", "u_id"), d.creates().stream().map(DdlStatement::index).toList());
    assertEquals("messages", d.creates().get(0).table());
    assertEquals(1, d.notes().size());
    assertTrue(d.notes().get(0).contains("u_id is built without CONCURRENTLY"), d.notes().get(0));
  }

  @Test
  void ddlRefusesOtherStatementsSchemasUnnamedIndexesAndConcurrentlyOnMariaDb() {
    Problems p = new Problems();
    DdlScript.parse(
        "DROP TABLE messages;\nCREATE INDEX ON t (a);\nCREATE INDEX x ON other.t (a);\n"
            + "CREATE INDEX y ON t (a); CREATE INDEX y ON t (b)",
        Dialect.POSTGRES,
        "ddl",
        p);
    String all = p.list().toString();
    assertTrue(all.contains("ddl line 1: 'DROP …' is not a statement the gate runs"), all);
    assertTrue(all.contains("ddl line 2: 'CREATE …' is not a statement"), all);
    assertTrue(all.contains("ddl line 3: names the schema 'other'"), all);
    assertTrue(all.contains("index 'y' is created twice"), all);
    Problems m = new Problems();
    DdlScript ok =
        DdlScript.parse(
            "CREATE INDEX a ON t (x, y DESC) ALGORITHM=INPLACE LOCK=NONE; DROP INDEX b ON t;"
                + " ANALYZE TABLE t, u",
            Dialect.MARIADB,
            "ddl",
            m);
    assertTrue(m.isEmpty(), m.list().toString());
    assertEquals("t", ok.statements().get(1).table());
    DdlScript.parse("CREATE INDEX CONCURRENTLY a ON t (x)", Dialect.MARIADB, "ddl", m);
    assertTrue(m.list().get(0).message().contains("MariaDB has no CREATE INDEX CONCURRENTLY"));
  }

  private static QueryBaseline query(String name, double p50, int sorts, long rows, String scan) {
    PlanStats s = new PlanStats(0.1, p50 - 0.1, rows, sorts, Map.of(scan, 1), List.of(), 10, 2);
    List<PlanStats> runs = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      runs.add(s);
    }
    return IndexGate.summarize(new NamedQuery(name, "", "SELECT 1"), runs, "[]");
  }

  private static Baseline baseline(String phase, QueryBaseline... q) {
    return new Baseline(
        Baseline.FORMAT, phase, Dialect.POSTGRES, "t", "15", NOW, 1, 5, List.of(), List.of(q));
  }

  @Test
  void goWhenFasterOnAverageSortsGoneAndAtMostOneQuerySlower() {
    GateDecision d =
        IndexGate.decide(
            baseline(
                "before",
                query("a", 100, 2, 5, "seq"),
                query("b", 10, 1, 5, "seq"),
                query("c", 1, 0, 5, "index")),
            baseline(
                "after",
                query("a", 2, 0, 5, "index"),
                query("b", 1, 0, 5, "index"),
                query("c", 1.5, 0, 5, "index")),
            Thresholds.DEFAULT,
            NOW);
    assertEquals(Verdict.GO, d.verdict(), d.reasons().toString());
    assertEquals(1, d.degraded());
    assertEquals(100.0, d.sortsEliminatedPct());
    assertEquals((98 + 90 - 50) / 3.0, d.averageImprovementPct(), 0.001);
    assertTrue(d.queries().get(0).notes().isEmpty(), d.queries().get(0).notes().toString());
    assertEquals("×50", IndexGateHtml.speedUp(d.queries().get(0)));
    assertEquals("×0.67", IndexGateHtml.speedUp(d.queries().get(2)));
  }

  @Test
  void noGoNamesEveryCriterionThatFails() {
    GateDecision d =
        IndexGate.decide(
            baseline(
                "before",
                query("a", 10, 1, 5, "seq"),
                query("b", 10, 1, 0, "seq"),
                query("c", 10, 1, 5, "seq")),
            baseline(
                "after",
                query("a", 9, 1, 5, "seq"),
                query("b", 12, 1, 0, "seq"),
                query("c", 20, 0, 5, "seq")),
            Thresholds.DEFAULT,
            NOW);
    assertEquals(Verdict.NO_GO, d.verdict());
    assertEquals(3, d.reasons().size(), d.reasons().toString());
    assertTrue(d.reasons().get(0).startsWith("average improvement -36.7 %"), d.reasons().get(0));
    assertTrue(d.reasons().get(1).startsWith("Sort nodes eliminated 33.3 % (3 before, 2 after)"));
    assertTrue(
        d.reasons().get(2).contains("b (20.0 % slower), c (100.0 % slower)"), d.reasons().get(2));
    assertTrue(
        d.queries()
            .get(1)
            .notes()
            .contains("returns no rows: its parameters may not hit the data"));
    assertTrue(
        IndexGateHtml.render(
                d,
                baseline(
                    "before",
                    query("a", 10, 1, 5, "seq"),
                    query("b", 10, 1, 0, "seq"),
                    query("c", 10, 1, 5, "seq")),
                baseline(
                    "after",
                    query("a", 9, 1, 5, "seq"),
                    query("b", 12, 1, 0, "seq"),
                    query("c", 20, 0, 5, "seq")))
            .contains("NO-GO because"));
  }

  @Test
  void baselinesOfOtherQueriesCannotBeCompared() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                IndexGate.decide(
                    baseline("before", query("a", 1, 0, 1, "seq")),
                    baseline("after", query("b", 1, 0, 1, "seq")),
                    Thresholds.DEFAULT,
                    NOW));
    Problem p = e.problems().get(0);
    assertEquals("after", p.path());
    assertTrue(p.message().contains("missing: a; not in before: b"), p.message());
  }

  @Test
  void thresholdsOutOfRangeAreNamed() {
    Problems p = new Problems();
    new Thresholds(130, -1, -2, 10).validate(p);
    assertEquals(
        List.of("min_improvement", "min_sorts_eliminated", "max_degraded"),
        p.list().stream().map(Problem::path).toList());
    assertFalse(p.list().get(0).message().isEmpty());
  }
}
