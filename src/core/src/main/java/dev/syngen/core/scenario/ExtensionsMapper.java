package dev.syngen.core.scenario;

import dev.syngen.core.problem.Problems;
import dev.syngen.core.scenario.Expectations.ColumnExpectation;
import dev.syngen.core.scenario.Expectations.IntegrityRule;
import dev.syngen.core.scenario.Expectations.RelationshipExpectation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps the sections syngen adds to the scenario format: an entity's {@code rows_per_parent}, the
 * scenario's {@code bands} and {@code expectations} (also the whole of a separate expectations spec
 * file). Shape only: references and parameters are checked when plans and expectations compile.
 */
public final class ExtensionsMapper {
  private static final Set<String> PER_PARENT_KEYS = Set.of("parent", "count", "heavy");
  private static final Set<String> HEAVY_KEYS = Set.of("share", "count");
  private static final Set<String> BAND_KEYS = Set.of("scale", "entity_scales", "rows");
  private static final Set<String> EXPECTATION_KEYS =
      Set.of("band", "columns", "relationships", "integrity", "gate");
  private static final Set<String> COLUMN_KEYS =
      Set.of(
          "column",
          "distribution",
          "percentiles",
          "shares",
          "null_rate",
          "band",
          "hour_shares",
          "weekday_shares");
  private static final Set<String> RELATIONSHIP_KEYS =
      Set.of("child", "distribution", "percentiles", "band", "reference_parents");
  private static final Set<String> RULE_KEYS =
      Set.of("fk", "unique", "monotonic", "within", "order_by");
  private static final String COUNT_EXAMPLE =
      "{type: zipf, params: {alpha: 1.8, min: 1, max: 500}}";

  private final SectionReader in;

  public ExtensionsMapper(Problems problems) {
    this.in = new SectionReader(problems);
  }

  public RowsPerParent rowsPerParent(Object node, String path) {
    Map<String, Object> m = in.map(node, path, "write rows_per_parent: {parent: ..., count: ...}");
    if (m == null) {
      return null;
    }
    in.keys(m, PER_PARENT_KEYS, path);
    String parent = in.text(m.get("parent"), path + ".parent", "conversations");
    GeneratorSpec count = in.generator(m.get("count"), path + ".count", COUNT_EXAMPLE);
    double share = 0;
    GeneratorSpec heavy = null;
    if (m.get("heavy") != null) {
      Map<String, Object> h =
          in.map(m.get("heavy"), path + ".heavy", "write heavy: {share, count}");
      if (h != null) {
        in.keys(h, HEAVY_KEYS, path + ".heavy");
        Double s = in.number(h.get("share"), path + ".heavy.share", "0.02");
        if (s != null && !(s > 0 && s < 1)) {
          in.problem(
              path + ".heavy.share",
              "must be between 0 and 1 (exclusive), got " + s,
              "use e.g. 0.02");
        } else if (s != null) {
          share = s;
        }
        heavy =
            in.generator(
                h.get("count"),
                path + ".heavy.count",
                "{type: uniform_int, params: {min: 10000, max: 20000}}");
      }
    }
    return parent == null || count == null ? null : new RowsPerParent(parent, count, share, heavy);
  }

  public List<ScaleBand> bands(Object node, String path) {
    Map<String, Object> m = in.map(node, path, "write bands: {dev: 1, staging: 20, perf: 500}");
    List<ScaleBand> out = new ArrayList<>();
    if (m == null) {
      return out;
    }
    for (Map.Entry<String, Object> e : m.entrySet()) {
      String p = path + "." + e.getKey();
      Double scale;
      Map<String, Double> entityScales = new LinkedHashMap<>();
      Map<String, Long> entityRows = new LinkedHashMap<>();
      if (e.getValue() instanceof Map<?, ?>) {
        Map<String, Object> b = in.map(e.getValue(), p, "");
        in.keys(b, BAND_KEYS, p);
        scale =
            b.containsKey("scale")
                ? in.number(b.get("scale"), p + ".scale", "20")
                : Double.valueOf(1);
        if (b.get("entity_scales") != null) {
          Map<String, Object> es =
              in.map(b.get("entity_scales"), p + ".entity_scales", "write {users: 0.5}");
          if (es != null) {
            es.forEach(
                (k, v) -> {
                  Double f = positive(v, p + ".entity_scales." + k);
                  if (f != null) {
                    entityScales.put(k, f);
                  }
                });
          }
        }
        if (b.get("rows") != null) {
          Map<String, Object> rows =
              in.map(b.get("rows"), p + ".rows", "write {users: 5000, messages: 5000000}");
          if (rows != null) {
            rows.forEach(
                (k, v) -> {
                  Double n = positive(v, p + ".rows." + k);
                  if (n != null && n != Math.rint(n)) {
                    in.problem(p + ".rows." + k, "must be a whole number, got " + n, "use 5000");
                  } else if (n != null) {
                    entityRows.put(k, n.longValue());
                  }
                });
          }
        }
      } else {
        scale = in.number(e.getValue(), p, "20");
      }
      if (scale != null && !(scale > 0 && scale < 1e9)) {
        in.problem(p, "scale must be > 0, got " + scale, "use e.g. 1 for dev, 20 for staging");
      } else if (scale != null) {
        out.add(new ScaleBand(e.getKey(), scale, entityScales, entityRows));
      }
    }
    return out;
  }

  private Double positive(Object v, String path) {
    Double d = in.number(v, path, "0.5");
    if (d != null && !(d > 0 && d < 1e9)) {
      in.problem(path, "must be > 0, got " + d, "use e.g. 0.5");
      return null;
    }
    return d;
  }

  /** The expectations section of a scenario, or the whole of a spec file. */
  public Expectations expectations(Object node, String path) {
    Map<String, Object> m =
        in.map(node, path.isEmpty() ? "(document)" : path, "see docs/fidelity.md");
    if (m == null) {
      return Expectations.NONE;
    }
    String prefix = path.isEmpty() ? "" : path + ".";
    in.keys(m, EXPECTATION_KEYS, path.isEmpty() ? "(document)" : path);
    String band = m.get("band") == null ? null : band(m.get("band"), prefix + "band");
    List<ColumnExpectation> columns = new ArrayList<>();
    List<RelationshipExpectation> relationships = new ArrayList<>();
    List<IntegrityRule> rules = new ArrayList<>();
    forEach(
        m.get("columns"),
        prefix + "columns",
        (item, p) -> {
          ColumnExpectation c = column(item, p);
          if (c != null) {
            columns.add(c);
          }
        });
    forEach(
        m.get("relationships"),
        prefix + "relationships",
        (item, p) -> {
          RelationshipExpectation r = relationship(item, p);
          if (r != null) {
            relationships.add(r);
          }
        });
    forEach(
        m.get("integrity"),
        prefix + "integrity",
        (item, p) -> {
          IntegrityRule r = rule(item, p);
          if (r != null) {
            rules.add(r);
          }
        });
    Gate gate =
        m.get("gate") == null ? null : new GateMapper(in).gate(m.get("gate"), prefix + "gate");
    return new Expectations(band, columns, relationships, rules, gate);
  }

  private interface ItemMapper {
    void map(Object item, String path);
  }

  private void forEach(Object node, String path, ItemMapper mapper) {
    if (node == null) {
      return;
    }
    List<?> items = in.list(node, path, "write a list of items (- ...)");
    if (items != null) {
      for (int i = 0; i < items.size(); i++) {
        mapper.map(items.get(i), path + "[" + i + "]");
      }
    }
  }

  private String band(Object v, String path) {
    String s = in.text(v, path, "normal");
    if (s != null && !Set.of("strict", "normal", "relaxed").contains(s.toLowerCase(Locale.ROOT))) {
      in.problem(
          path, "unknown band '" + s + "'", "use strict (5%), normal (15%) or relaxed (30%)");
      return null;
    }
    return s == null ? null : s.toLowerCase(Locale.ROOT);
  }

  private ColumnExpectation column(Object node, String path) {
    Map<String, Object> m = in.map(node, path, "write {column: orders.amount, distribution: ...}");
    if (m == null) {
      return null;
    }
    in.keys(m, COLUMN_KEYS, path);
    String[] q = in.qualified(m.get("column"), path + ".column");
    GeneratorSpec dist =
        m.get("distribution") == null
            ? null
            : in.generator(
                m.get("distribution"),
                path + ".distribution",
                "{type: lognormal, params: {mu: 3, sigma: 0.5}}");
    Map<Double, Object> percentiles = percentiles(m.get("percentiles"), path + ".percentiles");
    Map<String, Double> shares = shares(m.get("shares"), path + ".shares");
    Map<String, Double> hours =
        clock(m.get("hour_shares"), path + ".hour_shares", HOURS, "\"09\": 0.12");
    Map<String, Double> weekdays =
        clock(m.get("weekday_shares"), path + ".weekday_shares", WEEKDAYS, "Mon: 0.18");
    Double nullRate = null;
    if (m.get("null_rate") != null) {
      nullRate = in.number(m.get("null_rate"), path + ".null_rate", "0.02");
      if (nullRate != null && !(nullRate >= 0 && nullRate <= 1)) {
        in.problem(
            path + ".null_rate", "must be between 0 and 1, got " + nullRate, "use e.g. 0.02");
        nullRate = null;
      }
    }
    String band = m.get("band") == null ? null : band(m.get("band"), path + ".band");
    if (q == null) {
      return null;
    }
    if (dist == null
        && percentiles.isEmpty()
        && shares.isEmpty()
        && nullRate == null
        && hours.isEmpty()
        && weekdays.isEmpty()) {
      in.problem(
          path,
          "declares nothing to check",
          "add distribution, percentiles, shares, null_rate, hour_shares or weekday_shares");
      return null;
    }
    return new ColumnExpectation(
        path, q[0], q[1], dist, percentiles, shares, nullRate, band, hours, weekdays);
  }

  private RelationshipExpectation relationship(Object node, String path) {
    Map<String, Object> m =
        in.map(node, path, "write {child: messages.conversation_id, distribution: ...}");
    if (m == null) {
      return null;
    }
    in.keys(m, RELATIONSHIP_KEYS, path);
    String[] q = in.qualified(m.get("child"), path + ".child");
    GeneratorSpec dist =
        m.get("distribution") == null
            ? null
            : in.generator(m.get("distribution"), path + ".distribution", COUNT_EXAMPLE);
    Map<Double, Object> percentiles = percentiles(m.get("percentiles"), path + ".percentiles");
    String band = m.get("band") == null ? null : band(m.get("band"), path + ".band");
    Long reference = null;
    if (m.get("reference_parents") != null) {
      Double d = positive(m.get("reference_parents"), path + ".reference_parents");
      if (d != null && d != Math.rint(d)) {
        in.problem(
            path + ".reference_parents",
            "must be a whole number of parents, got " + d,
            "write the number of parent rows the distribution was measured on, e.g. 300");
      } else if (d != null) {
        reference = d.longValue();
      }
    }
    if (q == null) {
      return null;
    }
    if (dist == null && percentiles.isEmpty()) {
      in.problem(
          path, "declares no shape", "add distribution or percentiles of children per parent");
      return null;
    }
    return new RelationshipExpectation(path, q[0], q[1], dist, percentiles, band, reference);
  }

  private IntegrityRule rule(Object node, String path) {
    Map<String, Object> m = in.map(node, path, "write {unique: users.user_id}");
    if (m == null) {
      return null;
    }
    in.keys(m, RULE_KEYS, path);
    List<IntegrityRule.Kind> kinds = new ArrayList<>();
    for (IntegrityRule.Kind k : IntegrityRule.Kind.values()) {
      if (m.containsKey(k.name().toLowerCase(Locale.ROOT))) {
        kinds.add(k);
      }
    }
    if (kinds.size() != 1) {
      in.problem(
          path,
          kinds.isEmpty() ? "names no rule" : "names several rules",
          "write exactly one of fk:, unique:, monotonic:");
      return null;
    }
    IntegrityRule.Kind kind = kinds.get(0);
    String[] q =
        in.qualified(
            m.get(kind.name().toLowerCase(Locale.ROOT)),
            path + "." + kind.name().toLowerCase(Locale.ROOT));
    String within =
        m.get("within") == null
            ? null
            : in.text(m.get("within"), path + ".within", "conversation_id");
    String orderBy =
        m.get("order_by") == null
            ? null
            : in.text(m.get("order_by"), path + ".order_by", "message_id");
    if (kind != IntegrityRule.Kind.MONOTONIC && (within != null || orderBy != null)) {
      in.problem(path, "within and order_by apply to monotonic rules only", "remove them");
      return null;
    }
    return q == null ? null : new IntegrityRule(path, kind, q[0], q[1], within, orderBy);
  }

  /** Percentiles keyed {@code p50}, {@code p99.9} or a probability such as {@code 0.5}. */
  private Map<Double, Object> percentiles(Object node, String path) {
    Map<Double, Object> out = new LinkedHashMap<>();
    if (node == null) {
      return out;
    }
    Map<String, Object> m = in.map(node, path, "write percentiles: {p50: 30, p90: 120}");
    if (m == null) {
      return out;
    }
    for (Map.Entry<String, Object> e : m.entrySet()) {
      Double p = probability(e.getKey());
      if (p == null) {
        in.problem(
            path + "." + e.getKey(),
            "is not a percentile",
            "write p50, p99.9 or a probability such as 0.5");
      } else if (e.getValue() == null
          || e.getValue() instanceof Map
          || e.getValue() instanceof List) {
        in.problem(path + "." + e.getKey(), "must be a single value", "write e.g. p50: 30");
      } else {
        out.put(p, e.getValue());
      }
    }
    return out;
  }

  static Double probability(String key) {
    String k = key.trim().toLowerCase(Locale.ROOT);
    try {
      if (k.startsWith("p")) {
        double pct = Double.parseDouble(k.substring(1));
        return pct >= 0 && pct <= 100 ? pct / 100 : null;
      }
      double p = Double.parseDouble(k);
      return p >= 0 && p <= 1 ? p : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static final Set<String> HOURS =
      java.util.stream.IntStream.range(0, 24)
          .mapToObj(h -> String.format("%02d", h))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());
  private static final Set<String> WEEKDAYS =
      Set.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");

  /** Shares keyed by hour ("00" … "23") or weekday ("Mon" … "Sun"). */
  private Map<String, Double> clock(Object node, String path, Set<String> keys, String example) {
    Map<String, Double> out = shares(node, path);
    for (String key : List.copyOf(out.keySet())) {
      if (!keys.contains(key)) {
        in.problem(path + "." + key, "is not a known key", "write e.g. " + example);
        out.remove(key);
      }
    }
    return out;
  }

  private Map<String, Double> shares(Object node, String path) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (node == null) {
      return out;
    }
    Map<String, Object> m = in.map(node, path, "write shares: {paid: 0.8, refunded: 0.05}");
    if (m == null) {
      return out;
    }
    double sum = 0;
    for (Map.Entry<String, Object> e : m.entrySet()) {
      Double d = in.number(e.getValue(), path + "." + e.getKey(), "0.25");
      if (d != null && !(d >= 0 && d <= 1)) {
        in.problem(
            path + "." + e.getKey(), "must be a share between 0 and 1, got " + d, "use e.g. 0.25");
      } else if (d != null) {
        out.put(e.getKey(), d);
        sum += d;
      }
    }
    if (sum > 1 + 1e-9) {
      in.problem(
          path, "shares add up to " + sum + ", more than 1", "make the shares sum to at most 1");
    }
    return out;
  }
}
