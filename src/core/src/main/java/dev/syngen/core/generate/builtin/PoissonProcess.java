package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.ChildAllocation;
import dev.syngen.core.generate.ColumnRef;
import dev.syngen.core.generate.Distributed;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellRandom;
import dev.syngen.core.random.IntensityCurve;
import dev.syngen.core.random.IntensityLaw;
import dev.syngen.core.random.Law;
import dev.syngen.core.random.SeriesCursor;
import dev.syngen.core.scenario.ValueKind;
import java.util.Locale;

/**
 * Event times of a Poisson process whose rate follows the hour of day, the day of week and the
 * month, optionally clustered into bursts. Pure per row: an event's position is its rank among the
 * events of its parent (or of the entity) plus a uniform jitter, {@code (rank + u) / n}, warped by
 * a random multiplicative cascade for bursts, then mapped through the inverse of the integrated
 * rate Λ. Ranks make the times monotonic within the parent when asked; the cascade splits each
 * interval with a random share drawn per (series, node), so it needs no state. With {@code strict},
 * an event is moved later by its rank in milliseconds, so times within a parent strictly increase.
 */
public final class PoissonProcess implements Generator, Distributed {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "poisson_process",
          "event times with hourly/weekday/monthly rate and bursts; params: start + end, or"
              + " after (parent column) + span; hourly, weekday, monthly (curve name or weights),"
              + " burst (0..0.95), order (parent | entity | none), strict (with order parent:"
              + " no two events of a parent share a millisecond), utc_offset_hours",
          PoissonProcess::create);

  private static final int DEPTH = 16;
  private static final long HOUR = 3_600_000L;

  /** Which events a row's rank counts among. */
  public enum Order {
    PARENT,
    ENTITY,
    NONE
  }

  private final IntensityCurve curve;
  private final long start;
  private final long end;
  private final ColumnRef after; // null: the global window [start, end]
  private final long span;
  private final double burst;
  private final Order order;
  private final boolean strict;
  private final ChildAllocation allocation;
  private final long rows;

  private PoissonProcess(Builder b) {
    this.curve = b.curve;
    this.start = b.start;
    this.end = b.end;
    this.after = b.after;
    this.span = b.span;
    this.burst = b.burst;
    this.order = b.order;
    this.strict = b.strict;
    this.allocation = b.allocation;
    this.rows = b.rows;
  }

  private static final class Builder {
    IntensityCurve curve;
    long start;
    long end;
    ColumnRef after;
    long span;
    double burst;
    Order order;
    boolean strict;
    ChildAllocation allocation;
    long rows;
  }

  private static Generator create(GeneratorContext ctx) {
    Params p = ctx.params();
    Builder b = new Builder();
    b.rows = ctx.rows();
    b.allocation = ctx.allocation().orElse(null);
    double[] hourly = RatePresets.weights(p, "hourly", RatePresets.HOURLY, 24, "hour");
    double[] weekly = RatePresets.weights(p, "weekday", RatePresets.WEEKLY, 7, "day, Monday first");
    double[] monthly = RatePresets.weights(p, "monthly", RatePresets.MONTHLY, 12, "month");
    double offset = p.number("utc_offset_hours", "-5", 0);
    b.burst = p.number("burst", "0.6", 0);
    if (!(b.burst >= 0 && b.burst <= 0.95)) {
      p.problem(
          "burst",
          "must be between 0 and 0.95, got " + b.burst,
          "use e.g. burst: 0.6 (0 = no bursts)");
    }
    if (!(offset >= -14 && offset <= 14)) {
      p.problem("utc_offset_hours", "must be between -14 and 14", "use e.g. utc_offset_hours: 1");
    }
    String defaultOrder = b.allocation == null ? "entity" : "parent";
    String order = p.string("order", "parent", defaultOrder).toLowerCase(Locale.ROOT);
    switch (order) {
      case "parent" -> b.order = Order.PARENT;
      case "entity" -> b.order = Order.ENTITY;
      case "none" -> b.order = Order.NONE;
      default -> p.problem("order", "unknown order '" + order + "'", "use parent, entity or none");
    }
    if (b.order == Order.PARENT && b.allocation == null) {
      p.problem(
          "order",
          "parent order needs the entity to declare rows_per_parent",
          "use order: entity, or add rows_per_parent");
    }
    Object strict = p.raw("strict");
    if (strict != null && !(strict instanceof Boolean)) {
      p.problem("strict", "must be true or false, got '" + strict + "'", "write strict: true");
    }
    b.strict = Boolean.TRUE.equals(strict);
    if (b.strict && b.order != Order.PARENT) {
      p.problem(
          "strict",
          "needs order: parent (times strictly increase within each parent)",
          "use order: parent with rows_per_parent, or remove strict");
    }
    window(ctx, b);
    if (hourly == null || weekly == null || monthly == null || !p.ok()) {
      return null;
    }
    try {
      b.curve = new IntensityCurve(hourly, weekly, monthly, Math.round(offset * HOUR));
    } catch (IllegalArgumentException e) {
      p.problem("hourly", e.getMessage(), "give at least one hour, weekday and month a weight > 0");
      return null;
    }
    if (b.after == null && !(b.curve.cumulative(b.end) > b.curve.cumulative(b.start))) {
      p.problem(
          "end",
          "the window has no activity under these curves",
          "widen the window or change the curves");
      return null;
    }
    return new PoissonProcess(b);
  }

  private static void window(GeneratorContext ctx, Builder b) {
    Params p = ctx.params();
    if (p.has("after")) {
      String column = p.string("after", "started_at");
      Long span = TimeSpec.stepMillis(p, "span", "\"30d\"");
      if (p.has("start") || p.has("end")) {
        p.problem("after", "is set together with start/end", "keep after + span, or start + end");
      }
      if (b.allocation == null) {
        p.problem(
            "after",
            "needs the entity to declare rows_per_parent",
            "add rows_per_parent, or use start and end");
        return;
      }
      if (column == null || span == null) {
        return;
      }
      ctx.lookup("after", b.allocation.parent(), column)
          .ifPresent(
              ref -> {
                if (ref.type().kind() != ValueKind.TIMESTAMP || ref.nullRate() > 0) {
                  p.problem(
                      "after",
                      "'"
                          + column
                          + "' must be a non-nullable timestamp column of '"
                          + ref.entity()
                          + "'",
                      "name a timestamp column such as started_at");
                } else {
                  b.after = ref;
                }
              });
      b.span = span == null ? 0 : span;
      return;
    }
    Long start = TimeSpec.instantMillis(p, "start", ctx.asOf(), "\"-30d\"");
    Long end = TimeSpec.instantMillis(p, "end", ctx.asOf(), "\"0d\"");
    if (start != null && end != null && end <= start) {
      p.problem("end", "must be later than start", "make end later than start");
    } else if (start != null && end != null) {
      b.start = start;
      b.end = end;
    }
  }

  /** True when times rise with the rank of the row among its parent's children. */
  public boolean monotonicWithinParent() {
    return order == Order.PARENT;
  }

  /** True when no two events of one parent share an instant. */
  public boolean strictlyIncreasing() {
    return strict;
  }

  /** True when times rise with the row index over the whole entity. */
  public boolean monotonicOverEntity() {
    return order == Order.ENTITY && after == null;
  }

  @Override
  public ValueKind kind() {
    return ValueKind.TIMESTAMP;
  }

  @Override
  public long longAt(long key, long row) {
    long parent = -1;
    long series = -1;
    long rank = row;
    long size = rows;
    if (allocation != null && (order == Order.PARENT || after != null)) {
      ChildAllocation.Position pos = allocation.position(row);
      parent = pos.parent;
      if (order == Order.PARENT) {
        series = parent;
        rank = pos.rank;
        size = pos.size;
      }
    }
    double u = CellRandom.unit(key, row, 0);
    double x = order == Order.NONE ? u : (rank + u) / size;
    if (burst > 0) {
      x = cascade(SeriesCursor.stream(key, series), x);
    }
    long a = after == null ? start : after.generator().longAt(after.key(), parent);
    long b = after == null ? end : a + span;
    double low = curve.cumulative(a);
    double high = curve.cumulative(b);
    long t = curve.inverse(low + x * (high - low));
    return Math.min(b, Math.max(a, t)) + (strict ? rank : 0);
  }

  /**
   * Position {@code x} (a share of the events) moved to the time share where a random binary
   * cascade puts it: each interval gives a random share w of its events to its left half, w drawn
   * per node around 1/2 with spread {@code burst}. Monotonic in x.
   */
  private double cascade(long stream, double x) {
    double lo = 0;
    double width = 1;
    long node = 1;
    for (int level = 0; level < DEPTH; level++) {
      double w = 0.5 + burst * (CellRandom.unit(stream, node, 7) - 0.5);
      width /= 2;
      if (x < w) {
        x /= w;
        node = node * 2;
      } else {
        x = (x - w) / (1 - w);
        lo += width;
        node = node * 2 + 1;
      }
    }
    return lo + x * width;
  }

  /** Event times follow the rate curve on the window when there are no bursts and no parents. */
  @Override
  public Law law() {
    if (burst > 0 || after != null) {
      return null;
    }
    return new Law.Continuous(
        "poisson_process on the rate curve", new IntensityLaw(curve, start, end));
  }
}
