package dev.syngen.core.schema;

import static dev.syngen.core.schema.SchemaDrafter.map;

import dev.syngen.core.profile.ScenarioDraft;
import dev.syngen.core.profile.TableProfile.ColumnProfile;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.schema.DbSchema.DbCheck;
import dev.syngen.core.schema.DbSchema.DbColumn;
import dev.syngen.core.schema.DbSchema.DbForeignKey;
import dev.syngen.core.schema.DbSchema.DbTable;
import dev.syngen.core.schema.Draft.DraftColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Chooses one column's generator from its keys, constraints, name and profile, and says why. */
final class ColumnDraft {
  private final DbTable table;
  private final DbColumn col;
  private final ColumnProfile cp;
  private final DbForeignKey layout;
  private final Map<DbForeignKey, String> broken;
  private final SchemaProfile profile;
  private final DbSchema schema;
  private final ColumnType type;
  private final List<String> notes = new ArrayList<>();
  private final Map<String, Object> m = new LinkedHashMap<>();
  private boolean fromProfile;

  ColumnDraft(
      DbTable table,
      DbColumn col,
      ColumnProfile cp,
      DbForeignKey layout,
      Map<DbForeignKey, String> broken,
      SchemaProfile profile,
      DbSchema schema) {
    this.table = table;
    this.col = col;
    this.cp = cp;
    this.layout = layout;
    this.broken = broken;
    this.profile = profile;
    this.schema = schema;
    this.type = col.type().orElse(ColumnType.STRING);
  }

  List<String> notes() {
    return notes;
  }

  /** Whether the generator reproduces the profiled law, so the profile is also an expectation. */
  boolean fromProfile() {
    return fromProfile;
  }

  DraftColumn draft() {
    m.put("name", col.name());
    m.put("type", type.yamlName());
    String why = choose();
    if (col.identity()) {
      why += "; an identity/serial column in the original, written explicitly";
    }
    if (col.defaultValue() != null && !col.identity()) {
      why += "; the original's default (" + oneLine(col.defaultValue()) + ") is not used";
    }
    return new DraftColumn(why, m);
  }

  private String choose() {
    if (col.type().isEmpty()) {
      nulls(1.0);
      generator("const", map("value", ""));
      return "type " + col.declared() + " is not supported: always NULL (--on-unknown null)";
    }
    Optional<DbForeignKey> fk =
        table.foreignKeys().stream().filter(f -> f.columns().contains(col.name())).findFirst();
    if (fk.isPresent()) {
      String why = foreignKey(fk.get());
      if (why != null) {
        return why;
      }
    }
    nulls(profiledNullRate());
    boolean alone = table.uniqueAlone(col.name());
    if (alone) {
      String why = uniqueKey();
      if (why != null) {
        return why;
      }
    }
    if (table.primaryKey().contains(col.name())
        && layout != null
        && table.primaryKey().containsAll(layout.columns())
        && (type == ColumnType.INT || type == ColumnType.BIGINT)) {
      m.put("expression", "rank_in_parent() + 1");
      return "numbers the rows of each "
          + layout.parent()
          + " row from 1, so the composite key ("
          + String.join(", ", table.primaryKey())
          + ") stays unique";
    }
    Optional<DbCheck> check = check();
    List<String> allowed =
        !col.enumValues().isEmpty()
            ? col.enumValues()
            : check.map(DbCheck::values).orElse(List.of());
    if (!allowed.isEmpty()) {
      return allowedValues(allowed, col.enumValues().isEmpty() ? "CHECK list" : "enum values");
    }
    if (type == ColumnType.BOOL) {
      // booleans read back as true/false (PostgreSQL) or 1/0 (SQLite, MariaDB)
      double p =
          cp == null ? 0.5 : cp.shares().getOrDefault("true", cp.shares().getOrDefault("1", 0.0));
      generator("bool", map("p", ScenarioDraft.round4(p)));
      fromProfile = cp != null;
      return "true in " + pct(p) + " of the sampled rows";
    }
    if (type == ColumnType.UUID) {
      generator("uuid4", map());
      return "random UUIDs (identifiers are never copied)";
    }
    if (type == ColumnType.STRING || type == ColumnType.TEXT) {
      Optional<ColumnNames.Rule> rule = ColumnNames.rule(table.name(), col.name(), col.length());
      if (rule.isPresent() && (cp == null || !cp.role().equals("category"))) {
        generator(rule.get().generator(), map());
        return "the name says " + rule.get().what() + ": fake values, none copied";
      }
    }
    if (cp == null || cp.role().equals("empty")) {
      return fallback("no sampled values");
    }
    return switch (cp.role()) {
      case "number", "time" -> number(check);
      case "category" -> category();
      case "flag" -> {
        double p = cp.shares().getOrDefault("true", 0.0);
        generator("bool", map("p", ScenarioDraft.round4(p)));
        fromProfile = true;
        yield "true in " + pct(p) + " of the sampled rows";
      }
      case "identifier" -> identifierText();
      default -> freeText();
    };
  }

  private String foreignKey(DbForeignKey fk) {
    if (broken.containsKey(fk)) {
      nulls(1.0);
      generator(placeholder(), map());
      return broken.get(fk);
    }
    if (schema.table(fk.parent()).isEmpty()) {
      notes.add(
          table.name()
              + "."
              + col.name()
              + " references "
              + fk.parent()
              + ", which is not drafted: values follow the column's profile and the copy leaves"
              + " this key out");
      return null;
    }
    int idx = fk.columns().indexOf(col.name());
    if (fk.parent().equals(table.name())) {
      return selfReference(fk);
    }
    nulls(profiledNullRate());
    if (idx > 0) {
      String first = fk.columns().get(0);
      m.put("expression", first + "." + fk.parentColumns().get(idx));
      return "the rest of the composite key ("
          + String.join(", ", fk.columns())
          + ") -> "
          + fk.parent()
          + ": read from the "
          + fk.parent()
          + " row that "
          + first
          + " points to";
    }
    Map<String, Object> params = map("entity", fk.parent(), "column", fk.parentColumns().get(0));
    String stats =
        profile
            .relationship(table.name(), fk.columns())
            .map(
                ch ->
                    " (original: "
                        + SchemaDrafter.round2(ch.mean())
                        + " children per parent on average, p95 "
                        + ch.percentiles().get("p95").longValue()
                        + ")")
            .orElse("");
    if (fk.equals(layout)) {
      generator("fk", params);
      return "references " + fk.parent() + ": follows the per-parent layout" + stats;
    }
    if (layout != null
        && table.primaryKey().contains(col.name())
        && table.primaryKey().containsAll(layout.columns())) {
      params.put("distribution", "distinct");
      generator("fk", params);
      return "references "
          + fk.parent()
          + ": distinct rows within each "
          + layout.parent()
          + " row, so the key ("
          + String.join(", ", table.primaryKey())
          + ") stays unique"
          + stats;
    }
    generator("fk", params);
    return "references " + fk.parent() + ": a uniformly picked parent row" + stats;
  }

  private String selfReference(DbForeignKey fk) {
    boolean sequenceKey =
        fk.columns().size() == 1
            && table.primaryKey().equals(fk.parentColumns())
            && table
                .column(fk.parentColumns().get(0))
                .flatMap(DbColumn::type)
                .map(t -> t == ColumnType.INT || t == ColumnType.BIGINT)
                .orElse(false);
    if (sequenceKey) {
      String key = fk.parentColumns().get(0);
      nulls(profiledNullRate());
      m.put("expression", "floor(uniform(0, 1) * (" + key + " - 1)) + 1");
      return "references its own table: an earlier row's "
          + key
          + " (keys are a sequence from 1), so no row points forward";
    }
    if (!col.notNull()) {
      nulls(1.0);
      generator(placeholder(), map());
      return "references its own table by a key that is not a whole-number sequence: always NULL";
    }
    notes.add(table.name() + "." + col.name() + " references its own table and cannot be drafted");
    return null;
  }

  private String uniqueKey() {
    switch (type) {
      case INT, BIGINT -> {
        generator("sequence", map("start", 1));
        return "unique key: a sequence from 1 (original keys are not copied)";
      }
      case UUID -> {
        generator("uuid4", map());
        return "unique key: random UUIDs";
      }
      case STRING, TEXT -> {
        if (ColumnNames.email(col.name())) {
          m.put("expression", "concat('user', string(row_number()), '@example.com')");
          return "unique e-mail address: user<row>@example.com (fakes would repeat)";
        }
        String pattern = uniquePattern();
        generator("pattern", map("pattern", pattern));
        m.put("unique", true);
        return "unique text: a fixed-length pattern, kept unique by a keyed permutation"
            + (cp != null && !cp.shapes().isEmpty() ? " (the most common shape sampled)" : "");
      }
      default -> {
        return null;
      }
    }
  }

  /** The most common sampled shape if it is fixed-length and roomy, else letters and digits. */
  private String uniquePattern() {
    long rows = Math.max(100, table.rows() * 10);
    if (cp != null && cp.shapes() != null && !cp.shapes().isEmpty()) {
      String shape = cp.shapes().keySet().iterator().next();
      if (capacity(shape) >= rows) {
        return shape;
      }
    }
    int max = col.length() == null ? 16 : col.length();
    int len =
        (int)
            Math.min(
                max,
                Math.max(
                    Math.ceil(Math.log(rows) / Math.log(36)),
                    cp == null ? 8 : Math.round(cp.length().getOrDefault("p50", 8.0))));
    return "[A-Z0-9]{" + Math.max(1, len) + "}";
  }

  private static double capacity(String shape) {
    double c = 1;
    java.util.regex.Matcher x =
        java.util.regex.Pattern.compile("\\[(.-.)\\]\\{(\\d+)\\}").matcher(shape);
    while (x.find()) {
      c *= Math.pow(x.group(1).equals("0-9") ? 10 : 26, Integer.parseInt(x.group(2)));
    }
    return c;
  }

  private String allowedValues(List<String> allowed, String what) {
    List<Object> values = new ArrayList<>();
    List<Object> weights = new ArrayList<>();
    Map<String, Double> shares = cp == null ? Map.of() : cp.shares();
    double known = 0;
    int unseen = 0;
    for (String v : allowed) {
      Double s = shares.get(v);
      if (s != null) {
        known += s;
      } else {
        unseen++;
      }
    }
    double rest = unseen == 0 ? 0 : Math.max(0, 1 - known) / unseen;
    for (String v : allowed) {
      double w = shares.getOrDefault(v, shares.isEmpty() ? 1.0 / allowed.size() : rest);
      if (w > 0) {
        values.add(literal(v));
        weights.add(Math.max(1e-4, ScenarioDraft.round4(w)));
      }
    }
    if (values.isEmpty()) {
      allowed.forEach(v -> values.add(literal(v)));
      allowed.forEach(v -> weights.add(1.0));
    }
    generator("choice", map("values", values, "weights", weights));
    fromProfile = false;
    return "one of the "
        + what
        + " ("
        + allowed.size()
        + "), weighted by the sampled shares"
        + (unseen > 0 ? "; values seen fewer than k times share the rest" : "");
  }

  private Object literal(String v) {
    if (type == ColumnType.INT || type == ColumnType.BIGINT) {
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        return v;
      }
    }
    if (type == ColumnType.DOUBLE || type == ColumnType.FLOAT) {
      try {
        return Double.parseDouble(v);
      } catch (NumberFormatException e) {
        return v;
      }
    }
    return v;
  }

  private String number(Optional<DbCheck> check) {
    boolean whole = type == ColumnType.INT || type == ColumnType.BIGINT;
    if (whole && !cp.shares().isEmpty()) {
      double covered =
          cp.shares().entrySet().stream()
              .filter(e -> !e.getKey().equals("other"))
              .mapToDouble(Map.Entry::getValue)
              .sum();
      if (covered >= 0.95) {
        List<Object> values = new ArrayList<>();
        List<Object> weights = new ArrayList<>();
        cp.shares().entrySet().stream()
            .filter(e -> !e.getKey().equals("other") && allowedByCheck(check, e.getKey()))
            .sorted(
                Map.Entry.comparingByKey(
                    (a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b))))
            .forEach(
                e -> {
                  values.add(Long.parseLong(e.getKey()));
                  weights.add(Math.max(1e-4, ScenarioDraft.round4(e.getValue())));
                });
        if (!values.isEmpty()) {
          generator("choice", map("values", values, "weights", weights));
          return "few distinct whole numbers: the sampled shares of values seen at least k times";
        }
      }
    }
    if (type == ColumnType.TIMESTAMP && check.isEmpty()) {
      int sampled = profile.table(table.name()).map(t -> t.sampled()).orElse(0);
      Map<String, Object> arrivals = ScenarioDraft.arrivals(cp, sampled);
      if (arrivals != null) {
        generator("poisson_process", arrivals);
        fromProfile = true;
        return ScenarioDraft.ARRIVALS_WHY;
      }
    }
    Map<Double, Object> q = ScenarioDraft.quantiles(cp);
    String clamped = clamp(q, check);
    generator("empirical", map("quantiles", q));
    fromProfile = true;
    return (cp.role().equals("time") ? "times" : "numbers")
        + " follow the sampled percentiles p0.5 … p99.5 (no exact extreme copied)"
        + clamped;
  }

  private boolean allowedByCheck(Optional<DbCheck> check, String value) {
    if (check.isEmpty() || check.get().values().size() > 0) {
      return true;
    }
    double v = Double.parseDouble(value);
    DbCheck c = check.get();
    return (c.min() == null || (c.minExclusive() ? v > c.min() : v >= c.min()))
        && (c.max() == null || (c.maxExclusive() ? v < c.max() : v <= c.max()));
  }

  /** Keeps the quantiles inside a CHECK range; says so when it had to. */
  private String clamp(Map<Double, Object> q, Optional<DbCheck> check) {
    if (check.isEmpty() || (check.get().min() == null && check.get().max() == null)) {
      return "";
    }
    DbCheck c = check.get();
    boolean whole = type == ColumnType.INT || type == ColumnType.BIGINT;
    double step = whole ? 1 : col.scale() != null ? Math.pow(10, -col.scale()) : 1e-6;
    double lo =
        c.min() == null ? Double.NEGATIVE_INFINITY : c.min() + (c.minExclusive() ? step : 0);
    double hi =
        c.max() == null ? Double.POSITIVE_INFINITY : c.max() - (c.maxExclusive() ? step : 0);
    q.replaceAll(
        (p, v) ->
            v instanceof Number n
                ? ScenarioDraft.round4(Math.max(lo, Math.min(hi, n.doubleValue())))
                : v);
    return "; kept within " + oneLine(c.text().replaceFirst("(?i)^\\s*CHECK\\s*", "CHECK "));
  }

  private String category() {
    List<Object> values = new ArrayList<>();
    List<Object> weights = new ArrayList<>();
    cp.shares().entrySet().stream()
        .filter(e -> !e.getKey().equals("other"))
        .forEach(
            e -> {
              values.add(literal(e.getKey()));
              weights.add(Math.max(1e-4, ScenarioDraft.round4(e.getValue())));
            });
    if (values.isEmpty()) {
      return fallback("no value seen k times");
    }
    generator("choice", map("values", values, "weights", weights));
    fromProfile = true;
    double other = cp.shares().getOrDefault("other", 0.0);
    return "a category: the "
        + values.size()
        + " values seen at least k times, with their sampled shares"
        + (other > 0 ? " (rarer values, " + pct(other) + " of rows, are not copied)" : "");
  }

  private String identifierText() {
    if (cp.shapes() != null && !cp.shapes().isEmpty()) {
      String shape = cp.shapes().keySet().iterator().next();
      generator("pattern", map("pattern", shape));
      return "identifier-like text: the most common character-class shape ("
          + pct(cp.shapes().values().iterator().next())
          + " of values); no value copied";
    }
    return freeText();
  }

  private String freeText() {
    if (cp == null || cp.length().isEmpty()) {
      return fallback("no sampled lengths");
    }
    long lo = Math.max(1, Math.round(cp.length().getOrDefault("p5", 5.0)));
    long hi = Math.max(lo, Math.round(cp.length().getOrDefault("p95", 40.0)));
    if (col.length() != null) {
      hi = Math.min(hi, col.length());
      lo = Math.min(lo, hi);
    }
    if (hi >= 40 && (col.length() == null || col.length() >= 200)) {
      generator(hi > 300 ? "faker_paragraph" : "faker_sentence", map());
      return "free text: lorem-ipsum of about the sampled length (p50 "
          + Math.round(cp.length().getOrDefault("p50", 0.0))
          + " characters); nothing copied";
    }
    generator("pattern", map("pattern", "[a-z ]{" + lo + "," + hi + "}"));
    return "free text: letters and spaces of the sampled lengths (p5 … p95); nothing copied";
  }

  /** A generator of the column's type that copies nothing, for columns without a usable profile. */
  private String fallback(String reason) {
    if (m.containsKey("null_rate") || col.notNull()) {
      switch (type) {
        case INT, BIGINT -> generator("uniform_int", map("min", 0, "max", 1000));
        case FLOAT, DOUBLE -> generator("uniform_float", map("min", 0, "max", 1000));
        case BOOL -> generator("bool", map("p", 0.5));
        case TIMESTAMP -> generator("timestamp_between", map("start", "-365d", "end", "-1d"));
        case DATE -> generator("date_between", map("start", "-365d", "end", "-1d"));
        case UUID -> generator("uuid4", map());
        default -> {
          int len = col.length() == null ? 12 : Math.min(12, col.length());
          generator("pattern", map("pattern", "[a-z]{" + Math.max(1, len) + "}"));
        }
      }
      return reason + ": a plain generator of the type; review it";
    }
    nulls(1.0);
    generator(placeholder(), map());
    return reason + ": always NULL as in the sample";
  }

  private String placeholder() {
    return switch (type) {
      case INT, BIGINT -> "sequence";
      case UUID -> "uuid4";
      case BOOL -> "bool";
      case TIMESTAMP -> "time_series";
      default -> "pattern";
    };
  }

  private void generator(String name, Map<String, Object> params) {
    if (name.equals("time_series")) {
      params = map("start", "-1d", "step", "1s");
    } else if (name.equals("pattern") && !params.containsKey("pattern")) {
      params = map("pattern", "[a-z]{8}");
    } else if (name.equals("const") && type != ColumnType.STRING && type != ColumnType.TEXT) {
      name = placeholder();
      params = map();
      generator(name, params);
      return;
    }
    m.put("generator", params.isEmpty() ? map("type", name) : map("type", name, "params", params));
  }

  private void nulls(double rate) {
    if (rate > 0 && !col.notNull()) {
      m.put("null_rate", ScenarioDraft.round4(Math.min(1, rate)));
    } else {
      m.remove("null_rate");
    }
  }

  private double profiledNullRate() {
    return cp == null ? 0 : cp.nullRate();
  }

  private Optional<DbCheck> check() {
    return table.checks().stream().filter(c -> col.name().equals(c.column())).findFirst();
  }

  private static String pct(double share) {
    return String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }
}
