package dev.syngen.server.interfaces.rest;

import dev.syngen.core.indexgate.DdlScript;
import dev.syngen.core.indexgate.GateOptions;
import dev.syngen.core.indexgate.GateOptions.Rollback;
import dev.syngen.core.indexgate.QuerySet;
import dev.syngen.core.indexgate.Thresholds;
import dev.syngen.core.problem.Problems;
import dev.syngen.server.application.indexgate.IndexGateRequest;
import java.util.Map;
import java.util.Set;

/**
 * Reads the body of {@code POST /api/v1/index-gate}: a stored target's id, a pack's name or a query
 * set and DDL as text (never a path), and the options; every problem at once, with its field.
 */
final class IndexGateRequestReader {
  private static final Set<String> FIELDS =
      Set.of(
          "target",
          "pack",
          "queries",
          "ddl",
          "warmup",
          "runs",
          "rollback",
          "analyze",
          "min_improvement",
          "min_sorts_eliminated",
          "max_degraded",
          "degraded_by");

  private IndexGateRequestReader() {}

  static IndexGateRequest read(Object tree) {
    Problems p = new Problems();
    if (!(tree instanceof Map<?, ?> m)) {
      p.add(
          "(body)",
          "must be a JSON object",
          "send {\"target\": \"local-postgres\", \"pack\": \"chat\"}");
      p.throwIfAny("index gate request");
      return null;
    }
    m.keySet().stream()
        .map(String::valueOf)
        .filter(k -> !FIELDS.contains(k))
        .sorted()
        .forEach(
            k ->
                p.add(
                    k,
                    "unknown field '" + k + "'",
                    "use only: " + String.join(", ", FIELDS.stream().sorted().toList())));
    String target = text(m, "target", 64, p);
    if (target == null) {
      p.add("target", "is missing", "name a stored PostgreSQL target, e.g. \"local-postgres\"");
    }
    String pack = text(m, "pack", 64, p);
    String queries = text(m, "queries", QuerySet.MAX_CHARS, p);
    String ddl = text(m, "ddl", DdlScript.MAX_CHARS, p);
    if ((pack == null) == (queries == null)) {
      p.add(
          pack == null ? "pack" : "queries",
          pack == null ? "is missing, and so is queries" : "and pack are both given",
          "send either a pack's name (\"pack\": \"chat\") or a query set and DDL as text");
    }
    if (queries != null && ddl == null) {
      p.add("ddl", "is missing", "send the CREATE INDEX statements to gate as text");
    }
    GateOptions d = GateOptions.DEFAULT;
    Rollback rollback = d.rollback();
    Object r = m.get("rollback");
    if (r != null) {
      rollback = Rollback.parse(String.valueOf(r)).orElse(null);
      if (rollback == null) {
        p.add("rollback", "'" + r + "' is not a rollback mode", "use never, always or on-no-go");
        rollback = d.rollback();
      }
    }
    Object a = m.get("analyze");
    if (a != null && !(a instanceof Boolean)) {
      p.add("analyze", "must be true or false, got " + a, "write true");
    }
    GateOptions o =
        new GateOptions(
            whole(m, "warmup", d.warmup(), p),
            whole(m, "runs", d.runs(), p),
            d.queryTimeout(),
            d.ddlTimeout(),
            !(a instanceof Boolean b) || b,
            rollback,
            new Thresholds(
                number(m, "min_improvement", d.thresholds().minImprovementPct(), p),
                number(m, "min_sorts_eliminated", d.thresholds().minSortsEliminatedPct(), p),
                whole(m, "max_degraded", d.thresholds().maxDegraded(), p),
                number(m, "degraded_by", d.thresholds().degradedPct(), p)));
    o.validate(p);
    p.throwIfAny("index gate request");
    return new IndexGateRequest(target, pack, queries, ddl, o);
  }

  private static String text(Map<?, ?> m, String field, int max, Problems p) {
    Object v = m.get(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      p.add(field, "must be a string", "send text");
      return null;
    }
    if (s.length() > max) {
      p.add(field, "is " + s.length() + " characters long, more than " + max, "send less");
      return null;
    }
    return s;
  }

  private static double number(Map<?, ?> m, String field, double fallback, Problems p) {
    Object v = m.get(field);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    p.add(field, "must be a number, got " + v, "write e.g. " + fallback);
    return fallback;
  }

  private static int whole(Map<?, ?> m, String field, int fallback, Problems p) {
    Object v = m.get(field);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n
        && n.doubleValue() == Math.rint(n.doubleValue())
        && Math.abs(n.doubleValue()) < 1e6) {
      return n.intValue();
    }
    p.add(field, "must be a whole number, got " + v, "write e.g. " + fallback);
    return fallback;
  }
}
