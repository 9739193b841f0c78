package dev.syngen.core.lifecycle;

import dev.syngen.core.generate.ChildAllocation;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.scenario.Lifecycle;
import dev.syngen.core.scenario.ValueKind;
import java.util.List;
import java.util.Optional;

/**
 * The generators of the entities a lifecycle derives. They are written by the scenario mapper (see
 * {@code LifecycleEntities}), not by hand, and read the instance's history from the event row's
 * place in the per-instance layout.
 */
public final class LifecycleGenerators {
  static final List<String> EVENT_FIELDS =
      List.of("index", "from", "to", "time", "op", "next_time", "current");
  static final List<String> CDC_FIELDS = List.of("key", "before", "after", "source", "op", "ts_ms");

  public static final GeneratorFactory COUNT =
      GeneratorFactory.of(
          "lifecycle_events",
          "number of events of an instance's lifecycle (derived entities only): entity, output",
          LifecycleGenerators::count);
  public static final GeneratorFactory EVENT =
      GeneratorFactory.of(
          "lifecycle_event",
          "a field of a lifecycle event (derived entities only): entity, field",
          LifecycleGenerators::event);
  public static final GeneratorFactory IMAGE =
      GeneratorFactory.of(
          "lifecycle_image",
          "an instance's column value after an event (derived entities only): entity, column",
          LifecycleGenerators::image);
  public static final GeneratorFactory CDC =
      GeneratorFactory.of(
          "lifecycle_cdc",
          "a part of a Debezium change envelope (derived entities only): entity, field",
          LifecycleGenerators::cdc);
  public static final List<GeneratorFactory> FACTORIES = List.of(COUNT, EVENT, IMAGE, CDC);

  private LifecycleGenerators() {}

  /**
   * True when {@code e} is a lifecycle's change stream ({@code <entity>_cdc}): one Debezium
   * envelope per event, laid out per instance of {@code e.allocation().parent()}.
   */
  public static boolean isChangeStream(CompiledEntity e) {
    return e.allocation() != null
        && !e.columns().isEmpty()
        && e.columns().get(0).generator() instanceof CdcField;
  }

  private static CompiledLifecycle lifecycle(GeneratorContext ctx) {
    String entity = ctx.params().string("entity", "orders");
    if (entity == null) {
      return null;
    }
    Optional<CompiledLifecycle> lc = ctx.lifecycleOf(entity);
    if (lc.isEmpty()) {
      ctx.params()
          .problem(
              "entity",
              "entity '" + entity + "' declares no lifecycle",
              "these generators belong to the entities a lifecycle derives; use another generator");
      return null;
    }
    return lc.get();
  }

  private static ChildAllocation allocation(GeneratorContext ctx) {
    Optional<ChildAllocation> a = ctx.allocation();
    if (a.isEmpty()) {
      ctx.params()
          .problem(
              "entity",
              "is used outside an entity laid out per instance",
              "use it only in the entities a lifecycle derives");
      return null;
    }
    return a.get();
  }

  private static String choice(GeneratorContext ctx, String name, List<String> allowed) {
    String v = ctx.params().string(name, allowed.get(0));
    if (v != null && !allowed.contains(v)) {
      ctx.params().problem(name, "unknown " + name + " '" + v + "'", "use one of: " + allowed);
      return null;
    }
    return v;
  }

  private static Generator count(GeneratorContext ctx) {
    CompiledLifecycle lc = lifecycle(ctx);
    String output =
        ctx.params().has("output")
            ? choice(ctx, "output", List.of(Lifecycle.EVENTS, Lifecycle.CDC, Lifecycle.HISTORY))
            : Lifecycle.EVENTS;
    if (lc == null || output == null) {
      return null;
    }
    boolean history = output.equals(Lifecycle.HISTORY);
    return new Generator() {
      @Override
      public ValueKind kind() {
        return ValueKind.LONG;
      }

      @Override
      public long longAt(long key, long row) {
        History h = lc.history(row);
        boolean deleted = lc.deletes(h.state[h.size - 1]);
        return h.size - (history && deleted ? 1 : 0);
      }
    };
  }

  private static Generator event(GeneratorContext ctx) {
    CompiledLifecycle lc = lifecycle(ctx);
    String field = choice(ctx, "field", EVENT_FIELDS);
    ChildAllocation a = allocation(ctx);
    return lc == null || field == null || a == null ? null : new EventField(lc, a, field);
  }

  private static Generator image(GeneratorContext ctx) {
    CompiledLifecycle lc = lifecycle(ctx);
    String column = ctx.params().string("column", "status");
    ChildAllocation a = allocation(ctx);
    if (lc == null || column == null || a == null) {
      return null;
    }
    for (int c = 0; c < lc.columns().size(); c++) {
      if (lc.columns().get(c).column().equals(column)) {
        ValueKind kind = lc.columns().get(c).type().kind();
        return new ColumnValue(lc, c, kind, eventOf(lc, a));
      }
    }
    ctx.params().problem("column", "no column '" + column + "'", "name a column of the entity");
    return null;
  }

  private static Generator cdc(GeneratorContext ctx) {
    CompiledLifecycle lc = lifecycle(ctx);
    String field = choice(ctx, "field", CDC_FIELDS);
    ChildAllocation a = allocation(ctx);
    return lc == null || field == null || a == null ? null : new CdcField(lc, a, field);
  }

  /** Wraps a column of the lifecycle's own entity so that each row shows its final value. */
  public static Generator finalValue(CompiledLifecycle lc, int column, Generator created) {
    return new ColumnValue(
        lc,
        column,
        created.kind(),
        row -> {
          History h = lc.history(row);
          h.cursor = h.size - 1;
          return h;
        });
  }

  /** The history of the instance event row {@code row} belongs to, with its cursor on the event. */
  static Cursor eventOf(CompiledLifecycle lc, ChildAllocation allocation) {
    return row -> {
      ChildAllocation.Position p = allocation.position(row);
      History h = lc.history(p.parent);
      h.cursor = (int) p.rank;
      return h;
    };
  }

  /** A field of the event a row of a derived event entity stands for. */
  abstract static class PerEvent implements Generator {
    final CompiledLifecycle lc;
    private final Cursor event;

    PerEvent(CompiledLifecycle lc, ChildAllocation allocation) {
      this.lc = lc;
      this.event = eventOf(lc, allocation);
    }

    final History history(long row) {
      return event.at(row);
    }
  }

  private static final class EventField extends PerEvent {
    private final String field;

    EventField(CompiledLifecycle lc, ChildAllocation a, String field) {
      super(lc, a);
      this.field = field;
    }

    @Override
    public ValueKind kind() {
      return switch (field) {
        case "index" -> ValueKind.LONG;
        case "time", "next_time" -> ValueKind.TIMESTAMP;
        case "current" -> ValueKind.BOOL;
        default -> ValueKind.STRING;
      };
    }

    @Override
    public long longAt(long key, long row) {
      History h = history(row);
      int k = h.cursor;
      return switch (field) {
        case "index" -> k;
        case "time" -> h.time[k];
        case "next_time" -> k + 1 < h.size ? h.time[k + 1] : 0;
        default -> k + 1 < h.size ? 0 : 1; // current
      };
    }

    @Override
    public String stringAt(long key, long row) {
      History h = history(row);
      int k = h.cursor;
      return switch (field) {
        case "from" -> k == 0 ? null : lc.stateName(h.state[k - 1]);
        case "to" -> lc.stateName(h.state[k]);
        default -> op(lc, h, k);
      };
    }

    @Override
    public boolean producesNulls() {
      return field.equals("from") || field.equals("next_time");
    }

    @Override
    public boolean nullAt(long key, long row) {
      History h = history(row);
      return field.equals("from") ? h.cursor == 0 : h.cursor + 1 >= h.size;
    }
  }

  static String op(CompiledLifecycle lc, History h, int k) {
    return k == 0 ? "c" : lc.deletes(h.state[k]) ? "d" : "u";
  }

  private static final class CdcField extends PerEvent {
    private final String field;

    CdcField(CompiledLifecycle lc, ChildAllocation a, String field) {
      super(lc, a);
      this.field = field;
    }

    @Override
    public ValueKind kind() {
      return field.equals("ts_ms") ? ValueKind.LONG : ValueKind.STRING;
    }

    @Override
    public long longAt(long key, long row) {
      History h = history(row);
      return h.time[h.cursor];
    }

    @Override
    public String stringAt(long key, long row) {
      History h = history(row);
      int k = h.cursor;
      return switch (field) {
        case "key" -> ImageJson.key(lc, h);
        case "before" -> k == 0 ? null : ImageJson.image(lc, h, k - 1);
        case "after" -> lc.deletes(h.state[k]) ? null : ImageJson.image(lc, h, k);
        case "source" -> ImageJson.source(lc, h, k);
        default -> op(lc, h, k);
      };
    }

    @Override
    public boolean producesNulls() {
      return field.equals("before") || field.equals("after");
    }

    @Override
    public boolean nullAt(long key, long row) {
      History h = history(row);
      return field.equals("before") ? h.cursor == 0 : lc.deletes(h.state[h.cursor]);
    }
  }

  /** Which event of an instance's history a row shows: a cursor rule over the loaded history. */
  @FunctionalInterface
  interface Cursor {
    History at(long row);
  }

  /** One column's value at the event a {@link Cursor} picks: an event's image or the final row. */
  private record ColumnValue(CompiledLifecycle lc, int column, ValueKind kind, Cursor cursor)
      implements Generator {
    @Override
    public long longAt(long key, long row) {
      History h = cursor.at(row);
      return lc.longAt(h, column, h.cursor);
    }

    @Override
    public long uuidLowAt(long key, long row) {
      History h = cursor.at(row);
      return lc.uuidLowAt(h, column, h.cursor);
    }

    @Override
    public double doubleAt(long key, long row) {
      History h = cursor.at(row);
      return lc.doubleAt(h, column, h.cursor);
    }

    @Override
    public String stringAt(long key, long row) {
      History h = cursor.at(row);
      return lc.stringAt(h, column, h.cursor);
    }

    @Override
    public boolean producesNulls() {
      return lc.columns().get(column).nullRate() > 0;
    }

    @Override
    public boolean nullAt(long key, long row) {
      History h = cursor.at(row);
      return lc.nullAt(h, column, h.cursor);
    }
  }
}
