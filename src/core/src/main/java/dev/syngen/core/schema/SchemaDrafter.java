package dev.syngen.core.schema;

import dev.syngen.core.profile.ScenarioDraft;
import dev.syngen.core.profile.TableProfile;
import dev.syngen.core.profile.TableProfile.ColumnProfile;
import dev.syngen.core.schema.DbSchema.DbColumn;
import dev.syngen.core.schema.DbSchema.DbForeignKey;
import dev.syngen.core.schema.DbSchema.DbTable;
import dev.syngen.core.schema.Draft.DraftColumn;
import dev.syngen.core.schema.Draft.DraftEntity;
import dev.syngen.core.schema.SchemaProfile.Children;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Drafts a scenario that fills an empty copy of a schema: entities parents first (cycles broken at
 * a nullable key), a table with a NOT NULL foreign key laid out per parent with the original's
 * children-per-parent shares, keys as sequences, UUIDs, unique patterns or picks of parent rows,
 * enums and CHECK lists as weighted choices, numbers and times as the profiled empirical laws
 * (clamped to CHECK ranges), personal text as fakes, and every other column from its profile. No
 * value of an identifier or free-text column is copied; only aggregates and categories seen at
 * least k times. Every column says why its generator was chosen.
 */
public final class SchemaDrafter {
  /** What to do with a column syngen cannot generate. */
  public enum OnUnknown {
    SKIP,
    FAIL,
    NULL;

    public static Optional<OnUnknown> parse(String s) {
      for (OnUnknown o : values()) {
        if (o.name().equalsIgnoreCase(s == null ? "" : s.trim())) {
          return Optional.of(o);
        }
      }
      return Optional.empty();
    }
  }

  private final DbSchema schema;
  private final SchemaProfile profile;
  private final OnUnknown onUnknown;
  private final TableOrder order;
  private final List<String> notes = new ArrayList<>();

  public SchemaDrafter(DbSchema schema, SchemaProfile profile, OnUnknown onUnknown) {
    this.schema = schema;
    this.profile = profile;
    this.onUnknown = onUnknown;
    checkUnknown();
    this.order = new TableOrder(schema.tables());
  }

  /** Every column of a type syngen cannot generate, as {@code table.column (type)}. */
  public static List<String> unknownColumns(DbSchema schema) {
    List<String> out = new ArrayList<>();
    for (DbTable t : schema.tables()) {
      for (DbColumn c : t.columns()) {
        if (c.type().isEmpty()) {
          out.add(t.name() + "." + c.name() + " (" + c.declared() + ")");
        }
      }
    }
    return out;
  }

  private void checkUnknown() {
    List<String> unknown = unknownColumns(schema);
    if (unknown.isEmpty()) {
      return;
    }
    if (onUnknown == OnUnknown.FAIL) {
      throw new IllegalArgumentException(
          "syngen cannot generate the type of "
              + String.join(", ", unknown)
              + "; fix: --on-unknown skip (leave these columns out of the scenario and the copy) or"
              + " --on-unknown null (write NULL), or --exclude their tables");
    }
    List<String> notNull = new ArrayList<>();
    for (DbTable t : schema.tables()) {
      for (DbColumn c : t.columns()) {
        if (c.type().isEmpty() && c.notNull() && onUnknown == OnUnknown.NULL) {
          notNull.add(t.name() + "." + c.name());
        }
      }
    }
    if (!notNull.isEmpty()) {
      throw new IllegalArgumentException(
          "--on-unknown null cannot fill the NOT NULL columns "
              + String.join(", ", notNull)
              + "; fix: --on-unknown skip, or --exclude their tables");
    }
    unknown.forEach(
        u ->
            notes.add(
                u
                    + ": type not supported, "
                    + (onUnknown == OnUnknown.SKIP ? "left out" : "written as NULL")
                    + " (--on-unknown "
                    + onUnknown.name().toLowerCase(Locale.ROOT)
                    + ")"));
  }

  public Draft draft(String id) {
    Map<String, Object> head = new LinkedHashMap<>();
    head.put("id", id);
    head.put("name", "Copy of " + schema.dialect() + " schema " + schema.name());
    head.put("version", "0.1.0");
    // a fixed seed: the same draft generates the same copy until a run asks for another seed
    head.put("seed", Math.floorMod(id.hashCode(), 1_000_000_007));
    head.put(
        "description",
        "Drafted by syngen scenario from-db from "
            + schema.tables().size()
            + " tables of "
            + schema.dialect()
            + " schema "
            + schema.name()
            + " (aggregates of samples only, k = "
            + profile.k()
            + "); review the generators before use.");
    List<DraftEntity> entities = new ArrayList<>();
    List<Object> expectations = new ArrayList<>();
    List<Object> relationships = new ArrayList<>();
    order.broken().forEach((fk, why) -> notes.add(fk.name() + ": " + why));
    for (DbTable t : order.ordered()) {
      entities.add(entity(t, expectations, relationships));
    }
    List<String> header = new ArrayList<>();
    header.add(
        "Drafted by syngen scenario from-db. Entities are in foreign-key order, parents first.");
    header.add("Each column's comment says why its generator was chosen; nothing here was copied");
    header.add("from an identifier or free-text column, only aggregates of a sample.");
    notes.forEach(n -> header.add("note: " + n));
    Map<String, Object> x = new LinkedHashMap<>();
    if (!expectations.isEmpty()) {
      x.put("columns", expectations);
    }
    if (!relationships.isEmpty()) {
      x.put("relationships", relationships);
    }
    return new Draft(header, head, entities, x, notes);
  }

  private DraftEntity entity(DbTable t, List<Object> expectations, List<Object> relationships) {
    Optional<TableProfile> tp = profile.table(t.name());
    DbForeignKey layout = layout(t);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("name", t.name());
    String comment;
    if (layout != null) {
      Children ch = profile.relationship(t.name(), layout.columns()).orElseThrow();
      fields.put("rows_per_parent", map("parent", layout.parent(), "count", choice(ch.shares())));
      relationships.add(
          map(
              "child",
              t.name() + "." + layout.columns().get(0),
              "distribution",
              countLaw(ch.shares()),
              "reference_parents",
              ch.parents()));
      comment =
          t.name()
              + ": rows per "
              + layout.parent()
              + " row follow the original's children-per-parent shares over "
              + ch.parents()
              + " parents (mean "
              + round2(ch.mean())
              + ", p50 "
              + ch.percentiles().get("p50").longValue()
              + ", p95 "
              + ch.percentiles().get("p95").longValue()
              + ", p99 "
              + ch.percentiles().get("p99").longValue()
              + ")";
    } else {
      fields.put("rows", Math.max(1, t.rows()));
      comment =
          t.name()
              + ": "
              + t.rows()
              + " rows in the original"
              + (t.rowsEstimated() ? " (catalogue estimate)" : "");
    }
    List<DraftColumn> columns = new ArrayList<>();
    for (DbColumn c : t.columns()) {
      if (c.type().isEmpty() && onUnknown == OnUnknown.SKIP) {
        continue;
      }
      ColumnProfile cp =
          tp.flatMap(p -> p.columns().stream().filter(x -> x.name().equals(c.name())).findFirst())
              .orElse(null);
      ColumnDraft d = new ColumnDraft(t, c, cp, layout, order.broken(), profile, schema);
      DraftColumn dc = d.draft();
      notes.addAll(d.notes());
      columns.add(dc);
      if (d.fromProfile() && cp != null) {
        Map<String, Object> e =
            ScenarioDraft.expectation(t.name(), cp, tp.map(p -> p.sampled()).orElse(0));
        if (e != null) {
          if (e.get("shares") instanceof Map<?, ?> shares) {
            shares.remove("other");
          }
          expectations.add(e);
        }
      }
    }
    return new DraftEntity(comment, fields, tp.map(p -> correlate(p, columns)).orElse(columns));
  }

  /** Below this rank correlation two columns are drafted independently. */
  static final double MIN_COPULA = 0.3;

  /**
   * Numeric columns drafted from their percentiles that the sample shows rank-correlated with an
   * earlier such column (|Spearman| at least {@link #MIN_COPULA}) are drawn through a Gaussian
   * copula with the most correlated one: each keeps its percentiles, and the pair its Spearman rho,
   * which fidelity then checks ({@code correlated} declares it). The copula's rho is {@code 2
   * sin(pi rho_s / 6)}, the normal correlation whose Spearman rho is the sampled one.
   */
  static List<DraftColumn> correlate(TableProfile tp, List<DraftColumn> columns) {
    List<DraftColumn> out = new ArrayList<>();
    List<String> earlier = new ArrayList<>();
    for (DraftColumn dc : columns) {
      Map<String, Object> m = dc.column();
      String name = (String) m.get("name");
      boolean fromLaw =
          m.get("generator") instanceof Map<?, ?> g
              && "empirical".equals(g.get("type"))
              && tp.columns().stream()
                  .anyMatch(c -> c.name().equals(name) && c.role().equals("number"));
      if (!fromLaw) {
        out.add(dc);
        continue;
      }
      TableProfile.Correlation best = null;
      for (String e : earlier) {
        TableProfile.Correlation c = tp.correlation(e, name).orElse(null);
        if (c != null
            && Math.abs(c.spearman()) >= MIN_COPULA
            && (best == null || Math.abs(c.spearman()) > Math.abs(best.spearman()))) {
          best = c;
        }
      }
      earlier.add(name);
      if (best == null) {
        out.add(dc);
        continue;
      }
      String with = best.a().equals(name) ? best.b() : best.a();
      double rho = ScenarioDraft.round4(2 * Math.sin(Math.PI * best.spearman() / 6));
      Map<String, Object> copy = new LinkedHashMap<>(m);
      copy.put(
          "generator",
          map(
              "type",
              "correlated",
              "params",
              map("with", with, "rho", rho, "distribution", m.get("generator"))));
      out.add(
          new DraftColumn(
              dc.why()
                  + "; rank-correlated with "
                  + with
                  + " in the sample (Spearman "
                  + best.spearman()
                  + " over "
                  + best.pairs()
                  + " rows), so drawn through a Gaussian copula with it (rho "
                  + rho
                  + ")",
              copy));
    }
    return out;
  }

  /** The foreign key a table's rows are laid out by: NOT NULL, to another table, profiled. */
  private DbForeignKey layout(DbTable t) {
    DbForeignKey best = null;
    for (DbForeignKey fk : t.foreignKeys()) {
      boolean ok =
          !fk.parent().equals(t.name())
              && schema.table(fk.parent()).isPresent()
              && !order.broken().containsKey(fk)
              && fk.columns().stream()
                  .allMatch(c -> t.column(c).map(DbColumn::notNull).orElse(false))
              && profile.relationship(t.name(), fk.columns()).isPresent();
      if (!ok) {
        continue;
      }
      boolean inKey = t.primaryKey().containsAll(fk.columns());
      if (best == null || (inKey && !t.primaryKey().containsAll(best.columns()))) {
        best = fk;
      }
    }
    return best;
  }

  static Map<String, Object> choice(Map<Long, Double> shares) {
    List<Object> values = new ArrayList<>();
    List<Object> weights = new ArrayList<>();
    shares.forEach(
        (v, w) -> {
          values.add(v);
          weights.add(share(w));
        });
    return map("type", "choice", "params", map("values", values, "weights", weights));
  }

  /**
   * The same shares as an empirical histogram of whole numbers: one bucket [v, v + 1) per count v
   * (empty buckets fill the gaps), the form fidelity accepts as a children-per-parent law.
   */
  static Map<String, Object> countLaw(Map<Long, Double> shares) {
    List<Object> edges = new ArrayList<>();
    List<Object> weights = new ArrayList<>();
    long next = Long.MIN_VALUE;
    for (Map.Entry<Long, Double> e : new java.util.TreeMap<>(shares).entrySet()) {
      long v = e.getKey();
      if (next != Long.MIN_VALUE && v > next) {
        weights.add(0.0);
      }
      if (next != v) {
        edges.add(v);
      }
      edges.add(v + 1);
      weights.add(share(e.getValue()));
      next = v + 1;
    }
    return map("type", "empirical", "params", map("edges", edges, "weights", weights));
  }

  /**
   * A children-per-parent share to four significant digits. Four decimals (and a floor of 1e-4)
   * made every rare bucket of a long tail — ten parents of half a million, 2e-5 — five times too
   * heavy, and the tail's hundreds of children per parent then added 7 % to a 10-million-row copy.
   */
  static double share(double w) {
    if (!(w > 0)) {
      return 0;
    }
    return new java.math.BigDecimal(w).round(new java.math.MathContext(4)).doubleValue();
  }

  /** An ordered map of the given keys and values, so drafts print in a stable order. */
  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static double round2(double v) {
    return Math.rint(v * 100) / 100;
  }
}
