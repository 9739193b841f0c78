package dev.syngen.server.interfaces.rest;

import dev.syngen.core.problem.Problems;
import dev.syngen.core.schema.DraftRequest;
import dev.syngen.server.application.scenario.ScenarioCatalog;
import dev.syngen.server.application.scenario.ScenarioDrafts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code POST /scenarios/draft}, read and checked: every problem (field, what is wrong,
 * fix) is reported at once, and nothing runs when one is found. The target is the id of a
 * configured target; no DSN or path is taken from the caller.
 */
record DraftBody(String target, DraftRequest request, boolean save, boolean overwrite) {
  private static final Set<String> FIELDS =
      Set.of(
          "target",
          "schema",
          "include",
          "exclude",
          "sample",
          "k",
          "on_unknown",
          "id",
          "save",
          "overwrite");

  static DraftBody read(String text) {
    Problems problems = new Problems();
    if (!(Bodies.parseJson(text) instanceof Map<?, ?> m)) {
      problems.add("(body)", "must be a JSON object", "send {\"target\": \"local-postgres\"}");
      problems.throwIfAny("draft request");
      return null;
    }
    m.keySet().stream()
        .map(String::valueOf)
        .filter(k -> !FIELDS.contains(k))
        .forEach(k -> problems.add(k, "unknown field '" + k + "'", "use only: " + FIELDS));
    Object target = m.get("target");
    if (!(target instanceof String t) || !ScenarioCatalog.ID.matcher(t).matches()) {
      problems.add(
          "target",
          target == null ? "is missing" : "'" + target + "' is not a target id",
          "name a configured postgres or sqlite target (GET /api/v1/targets)");
    }
    Integer sample = whole(m.get("sample"), "sample", problems);
    if (sample != null && sample > ScenarioDrafts.MAX_SAMPLE) {
      problems.add(
          "sample",
          "must be at most " + ScenarioDrafts.MAX_SAMPLE + " rows here, got " + sample,
          "use the command line (syngen scenario from-db) for larger samples");
    }
    DraftRequest r =
        DraftRequest.of(
            text(m.get("schema"), "schema", problems),
            names(m.get("include"), "include", problems),
            names(m.get("exclude"), "exclude", problems),
            sample,
            whole(m.get("k"), "k", problems),
            text(m.get("on_unknown"), "on_unknown", problems),
            text(m.get("id"), "id", problems),
            null,
            problems);
    boolean save = flag(m.get("save"), "save", problems);
    boolean overwrite = flag(m.get("overwrite"), "overwrite", problems);
    if (save && r.id() == null) {
      problems.add("id", "is needed to save", "give the scenario an id, e.g. shop-copy");
    }
    problems.throwIfAny("draft request");
    return new DraftBody((String) target, r, save, overwrite);
  }

  private static String text(Object v, String field, Problems p) {
    if (v == null || v instanceof String) {
      return (String) v;
    }
    p.add(field, "must be text, got " + v, "write it in quotes");
    return null;
  }

  private static Integer whole(Object v, String field, Problems p) {
    if (v == null) {
      return null;
    }
    if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n.longValue()));
    }
    p.add(field, "must be a whole number, got " + v, "write e.g. 20000");
    return null;
  }

  private static boolean flag(Object v, String field, Problems p) {
    if (v == null || v instanceof Boolean) {
      return Boolean.TRUE.equals(v);
    }
    p.add(field, "must be true or false, got " + v, "write true or false");
    return false;
  }

  /** A list of names, or one comma-separated text. */
  private static List<String> names(Object v, String field, Problems p) {
    if (v == null) {
      return List.of();
    }
    if (v instanceof String s) {
      return Arrays.asList(s.split(","));
    }
    if (v instanceof List<?> l) {
      List<String> out = new ArrayList<>();
      for (Object o : l) {
        out.add(String.valueOf(o));
      }
      return out;
    }
    p.add(field, "must be a list of table names", "write [\"orders\", \"customers\"]");
    return List.of();
  }
}
