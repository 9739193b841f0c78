package dev.syngen.core.fidelity;

import dev.syngen.core.plan.CompiledColumn;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.Gate.Measure;
import dev.syngen.core.scenario.Gate.Membership;
import dev.syngen.core.sink.SinkException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Measures a gate's figures over full scans of the tables, one scan per table whatever the number
 * of measures on it, keeping only counters, per-parent counts and 64-bit hashes (quantiles of a
 * column from a reservoir of {@link #QUANTILE_ROWS} rows).
 */
final class GateMeasures {
  static final int QUANTILE_ROWS = 200_000;
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 86_400_000L;

  private final CompiledPlan plan;
  private final TableSource source;
  private final long seed;
  private final Map<String, List<Acc>> byEntity = new LinkedHashMap<>();
  private final Map<Measure, Acc> measures = new LinkedHashMap<>();
  private final Map<Membership, MemberCheck> members = new LinkedHashMap<>();

  GateMeasures(CompiledPlan plan, TableSource source, long seed) {
    this.plan = plan;
    this.source = source;
    this.seed = seed;
  }

  /** Measures every figure and checks every membership; unreadable tables throw SinkException. */
  void run(List<Measure> list, List<Membership> rules) {
    Map<String, ParentKeys> parents = new LinkedHashMap<>();
    for (Measure m : list) {
      Acc a = accumulator(m, parents);
      measures.put(m, a);
      byEntity.computeIfAbsent(m.entity(), k -> new ArrayList<>()).add(a);
    }
    List<Acc> first = new ArrayList<>(parents.values());
    for (Membership r : rules) {
      MemberCheck c = new MemberCheck(r);
      members.put(r, c);
      first.add(c.groups);
      byEntity.computeIfAbsent(r.entity(), k -> new ArrayList<>()).add(c);
    }
    Map<String, List<Acc>> firstByEntity = new LinkedHashMap<>();
    first.forEach(a -> firstByEntity.computeIfAbsent(a.entity(), k -> new ArrayList<>()).add(a));
    firstByEntity.forEach(this::scan);
    byEntity.forEach(this::scan);
  }

  double value(Measure m) {
    return measures.get(m).value();
  }

  /** Rows of a membership rule whose value is not a member of its group, and one example. */
  MemberCheck member(Membership r) {
    return members.get(r);
  }

  private void scan(String entity, List<Acc> accs) {
    CompiledEntity e = entity(entity);
    List<String> columns = new ArrayList<>();
    for (Acc a : accs) {
      for (String c : a.columns()) {
        if (!columns.contains(c)) {
          columns.add(c);
        }
      }
    }
    for (Acc a : accs) {
      a.bind(columns, e);
    }
    source.scan(
        e.table(),
        columns,
        null,
        values -> {
          for (Acc a : accs) {
            a.row(values);
          }
        });
  }

  private CompiledEntity entity(String name) {
    return plan.entities().stream()
        .filter(x -> x.name().equals(name))
        .findFirst()
        .orElseThrow(
            () -> new SinkException("the gate names entity '" + name + "', not in the plan"));
  }

  private ColumnType type(String entity, String column) {
    for (CompiledColumn c : entity(entity).columns()) {
      if (c.name().equals(column)) {
        return c.type();
      }
    }
    throw new SinkException(
        "the gate names column '" + entity + "." + column + "', not in the plan");
  }

  private Acc accumulator(Measure m, Map<String, ParentKeys> parents) {
    return switch (m.kind()) {
      case SHARE -> new Share(m);
      case QUANTILE, MEAN -> new Values(m);
      case CHILDREN_QUANTILE, CHILDREN_SHARE -> {
        ParentKeys p =
            parents.computeIfAbsent(
                m.ofEntity() + "." + m.ofColumn(), k -> new ParentKeys(m.ofEntity(), m.ofColumn()));
        yield new Children(m, p);
      }
      case HOUR_RATIO, WEEKDAY_RATIO, HOURS_SHARE -> new Clock(m);
    };
  }

  /** A consumer of one table's rows. */
  private abstract class Acc {
    final String entity;
    int[] index;

    Acc(String entity) {
      this.entity = entity;
    }

    String entity() {
      return entity;
    }

    abstract List<String> columns();

    void bind(List<String> scanned, CompiledEntity e) {
      List<String> mine = columns();
      index = new int[mine.size()];
      for (int i = 0; i < index.length; i++) {
        index[i] = scanned.indexOf(mine.get(i));
      }
    }

    abstract void row(String[] values);

    double value() {
      return Double.NaN;
    }
  }

  /** A measure with a where filter on the same table. */
  private abstract class Filtered extends Acc {
    final Measure m;
    final List<String> whereColumns;
    final List<Set<String>> whereValues = new ArrayList<>();
    final ColumnType type;

    Filtered(Measure m) {
      super(m.entity());
      this.m = m;
      this.whereColumns = new ArrayList<>(m.where().keySet());
      for (String c : whereColumns) {
        ColumnType t = type(m.entity(), c);
        Set<String> vs = new HashSet<>();
        m.where().get(c).forEach(v -> vs.add(Cells.category(t, v)));
        whereValues.add(vs);
      }
      this.type = type(m.entity(), m.column());
    }

    @Override
    List<String> columns() {
      List<String> out = new ArrayList<>();
      out.add(m.column());
      out.addAll(whereColumns);
      return out;
    }

    boolean matches(String[] values) {
      for (int i = 0; i < whereColumns.size(); i++) {
        String v = values[index[i + 1]];
        ColumnType t = type(m.entity(), whereColumns.get(i));
        if (v == null || !whereValues.get(i).contains(Cells.category(t, v))) {
          return false;
        }
      }
      return true;
    }
  }

  private final class Share extends Filtered {
    private final Set<String> values = new HashSet<>();
    private long rows;
    private long hits;

    Share(Measure m) {
      super(m);
      m.values().forEach(v -> values.add(Cells.category(type, v)));
    }

    @Override
    void row(String[] row) {
      if (!matches(row)) {
        return;
      }
      rows++;
      String v = row[index[0]];
      if (v == null) {
        return;
      }
      if (!values.isEmpty()) {
        if (values.contains(Cells.category(type, v))) {
          hits++;
        }
        return;
      }
      Double x = Cells.number(type, v);
      if (x != null
          && (m.atLeast() == null || x >= m.atLeast())
          && (m.below() == null || x < m.below())) {
        hits++;
      }
    }

    @Override
    double value() {
      return rows == 0 ? Double.NaN : hits / (double) rows;
    }
  }

  private final class Values extends Filtered {
    private final Reservoir reservoir = new Reservoir(QUANTILE_ROWS, seed);
    private final double[] kept = new double[QUANTILE_ROWS];
    private double sum;
    private long rows;

    Values(Measure m) {
      super(m);
    }

    @Override
    void row(String[] row) {
      if (!matches(row) || row[index[0]] == null) {
        return;
      }
      Double x = Cells.number(type, row[index[0]]);
      if (x == null) {
        return;
      }
      rows++;
      sum += x;
      int slot = reservoir.next();
      if (slot >= 0) {
        kept[slot] = x;
      }
    }

    @Override
    double value() {
      if (rows == 0) {
        return Double.NaN;
      }
      if (m.kind() == Measure.Kind.MEAN) {
        return sum / rows;
      }
      double[] sorted = Arrays.copyOf(kept, (int) Math.min(rows, QUANTILE_ROWS));
      Arrays.sort(sorted);
      return Quantiles.at(sorted, m.q());
    }
  }

  /** The key of every parent row, as hashes, in scan order. */
  private final class ParentKeys extends Acc {
    private final String column;
    private final ColumnType type;
    final LongList keys = new LongList();

    ParentKeys(String entity, String column) {
      super(entity);
      this.column = column;
      this.type = type(entity, column);
    }

    @Override
    List<String> columns() {
      return List.of(column);
    }

    @Override
    void row(String[] values) {
      String v = values[index[0]];
      if (v != null) {
        keys.add(Hash64.of(Cells.category(type, v)));
      }
    }
  }

  private final class Children extends Acc {
    private final Measure m;
    private final ParentKeys parents;
    private final ColumnType type;
    private final LongMap counts = new LongMap();

    Children(Measure m, ParentKeys parents) {
      super(m.entity());
      this.m = m;
      this.parents = parents;
      this.type = type(m.entity(), m.column());
    }

    @Override
    List<String> columns() {
      return List.of(m.column());
    }

    @Override
    void row(String[] values) {
      String v = values[index[0]];
      if (v != null) {
        counts.increment(Hash64.of(Cells.category(type, v)));
      }
    }

    @Override
    double value() {
      long n = parents.keys.size();
      if (n == 0) {
        return Double.NaN;
      }
      double[] perParent = new double[(int) n];
      for (int i = 0; i < n; i++) {
        long k = parents.keys.get(i);
        perParent[i] = counts.has(k) ? counts.get(k) : 0;
      }
      if (m.kind() == Measure.Kind.CHILDREN_SHARE) {
        long hits = 0;
        for (double c : perParent) {
          if (c >= m.atLeast()) {
            hits++;
          }
        }
        return hits / (double) n;
      }
      Arrays.sort(perParent);
      return Quantiles.at(perParent, m.q());
    }
  }

  private final class Clock extends Acc {
    private final Measure m;
    private final ColumnType type;
    private final long[] hours = new long[24];
    private final long[] weekdays = new long[7];
    private long rows;

    Clock(Measure m) {
      super(m.entity());
      this.m = m;
      this.type = type(m.entity(), m.column());
    }

    @Override
    List<String> columns() {
      return List.of(m.column());
    }

    @Override
    void row(String[] values) {
      String v = values[index[0]];
      if (v == null) {
        return;
      }
      Double t = Cells.number(type, v);
      if (t == null) {
        return;
      }
      long ms = t.longValue();
      rows++;
      hours[(int) Math.floorMod(ms / HOUR, 24L)]++;
      weekdays[(int) Math.floorMod(Math.floorDiv(ms, DAY) + 3, 7L)]++; // 1970-01-01: Thursday
    }

    @Override
    double value() {
      if (rows == 0) {
        return Double.NaN;
      }
      return switch (m.kind()) {
        case HOUR_RATIO -> {
          long max = Arrays.stream(hours).max().orElse(0);
          long min = Arrays.stream(hours).min().orElse(0);
          yield min == 0 ? Double.POSITIVE_INFINITY : max / (double) min;
        }
        case WEEKDAY_RATIO -> {
          double weekday =
              (weekdays[0] + weekdays[1] + weekdays[2] + weekdays[3] + weekdays[4]) / 5.0;
          double weekend = (weekdays[5] + weekdays[6]) / 2.0;
          yield weekend == 0 ? Double.POSITIVE_INFINITY : weekday / weekend;
        }
        default -> {
          long in = 0;
          for (int h : m.hours()) {
            in += hours[h];
          }
          yield in / (double) rows;
        }
      };
    }
  }

  /** The (group, value) pairs of the member table, then the rows checked against them. */
  final class MemberCheck extends Acc {
    private final Membership r;
    private final ColumnType groupType;
    private final ColumnType valueType;
    final Groups groups;
    long rows;
    long outside;
    String example;

    MemberCheck(Membership r) {
      super(r.entity());
      this.r = r;
      this.groupType = type(r.entity(), r.within());
      this.valueType = type(r.entity(), r.column());
      this.groups = new Groups(r);
    }

    @Override
    List<String> columns() {
      return List.of(r.within(), r.column());
    }

    @Override
    void row(String[] values) {
      String g = values[index[0]];
      String v = values[index[1]];
      if (g == null || v == null) {
        return;
      }
      rows++;
      if (!groups.pairs.has(pair(Cells.category(groupType, g), Cells.category(valueType, v)))) {
        outside++;
        if (example == null) {
          example = r.within() + " " + g + ": " + r.column() + " " + v;
        }
      }
    }
  }

  /** The member table's (group, value) pairs as hashes. */
  private final class Groups extends Acc {
    private final Membership r;
    private final ColumnType groupType;
    private final ColumnType valueType;
    final LongMap pairs = new LongMap();

    Groups(Membership r) {
      super(r.ofEntity());
      this.r = r;
      this.groupType = type(r.ofEntity(), r.ofWithin());
      this.valueType = type(r.ofEntity(), r.ofColumn());
    }

    @Override
    List<String> columns() {
      return List.of(r.ofWithin(), r.ofColumn());
    }

    @Override
    void row(String[] values) {
      String g = values[index[0]];
      String v = values[index[1]];
      if (g != null && v != null) {
        pairs.put(pair(Cells.category(groupType, g), Cells.category(valueType, v)), 1);
      }
    }
  }

  private static long pair(String group, String value) {
    return Hash64.of(group + '\u0000' + value);
  }
}
