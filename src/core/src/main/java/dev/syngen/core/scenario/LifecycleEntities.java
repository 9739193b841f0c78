package dev.syngen.core.scenario;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entities a lifecycle derives from its entity: {@code <entity>_events} (one row per event),
 * {@code <entity>_cdc} (one Debezium change envelope per event) and {@code <entity>_history} (SCD
 * type-2 rows). Each is laid out per instance ({@code rows_per_parent} with a count equal to the
 * instance's number of events), so its rows are as pure, parallel and restartable as any other.
 */
public final class LifecycleEntities {
  public static final String INDEX = "event_index";
  public static final String FROM = "from_state";
  public static final String TO = "to_state";
  public static final String TIME = "event_time";
  public static final String OP = "op";
  public static final List<String> EVENT_COLUMNS = List.of(INDEX, FROM, TO, TIME, OP);
  public static final List<String> CDC_COLUMNS =
      List.of("key", "before", "after", "source", "op", "ts_ms");
  public static final List<String> HISTORY_COLUMNS =
      List.of("valid_from", "valid_to", "is_current");

  private LifecycleEntities() {}

  /** The name of the derived entity of {@code entity} for {@code output}. */
  public static String name(String entity, String output) {
    return entity + "_" + output;
  }

  /** The columns a lifecycle changes: those named in a state's set, in declaration order. */
  public static List<String> tracked(Lifecycle lc) {
    Set<String> out = new LinkedHashSet<>();
    lc.states().forEach(s -> out.addAll(s.set().keySet()));
    return List.copyOf(out);
  }

  /** The derived entities of {@code e}, which declares a lifecycle. */
  public static List<Entity> derive(Entity e) {
    Lifecycle lc = e.lifecycle();
    List<Entity> out = new ArrayList<>();
    for (String output : lc.outputs()) {
      List<Column> cols =
          switch (output) {
            case Lifecycle.EVENTS -> events(e, lc);
            case Lifecycle.CDC -> cdc(e);
            default -> history(e);
          };
      RowsPerParent perInstance =
          new RowsPerParent(
              e.name(),
              spec("lifecycle_events", GeneratorSpec.params("entity", e.name(), "output", output)),
              0,
              null);
      out.add(
          new Entity(
              name(e.name(), output), e.targetTable() + "_" + output, 0, cols, perInstance, null));
    }
    return out;
  }

  private static List<Column> events(Entity e, Lifecycle lc) {
    List<Column> cols = new ArrayList<>();
    cols.add(key(e, lc));
    cols.add(field(INDEX, ColumnType.INT, e, "index", false));
    cols.add(field(FROM, ColumnType.STRING, e, "from", true));
    cols.add(field(TO, ColumnType.STRING, e, "to", false));
    cols.add(field(TIME, ColumnType.TIMESTAMP, e, "time", false));
    cols.add(field(OP, ColumnType.STRING, e, "op", false));
    for (String t : tracked(lc)) {
      Column c = e.column(t);
      cols.add(
          new Column(
              t,
              c.type(),
              c.nullable(),
              0,
              false,
              spec("lifecycle_image", GeneratorSpec.params("entity", e.name(), "column", t))));
    }
    return cols;
  }

  private static List<Column> cdc(Entity e) {
    List<Column> cols = new ArrayList<>();
    for (String f : CDC_COLUMNS) {
      ColumnType type =
          switch (f) {
            case "op" -> ColumnType.STRING;
            case "ts_ms" -> ColumnType.BIGINT;
            default -> ColumnType.JSON;
          };
      boolean nullable = f.equals("before") || f.equals("after");
      cols.add(
          new Column(
              f,
              type,
              nullable,
              0,
              false,
              spec("lifecycle_cdc", GeneratorSpec.params("entity", e.name(), "field", f))));
    }
    return cols;
  }

  private static List<Column> history(Entity e) {
    List<Column> cols = new ArrayList<>();
    for (Column c : e.columns()) {
      cols.add(
          new Column(
              c.name(),
              c.type(),
              c.nullable() || c.nullRate() > 0,
              0,
              false,
              spec(
                  "lifecycle_image",
                  GeneratorSpec.params("entity", e.name(), "column", c.name()))));
    }
    cols.add(field("valid_from", ColumnType.TIMESTAMP, e, "time", false));
    cols.add(field("valid_to", ColumnType.TIMESTAMP, e, "next_time", true));
    cols.add(field("is_current", ColumnType.BOOL, e, "current", false));
    return cols;
  }

  private static Column key(Entity e, Lifecycle lc) {
    Column k = e.column(lc.key());
    return new Column(
        k.name(),
        k.type(),
        false,
        0,
        false,
        spec("fk", GeneratorSpec.params("entity", e.name(), "column", k.name())));
  }

  private static Column field(
      String name, ColumnType type, Entity e, String field, boolean nullable) {
    return new Column(
        name,
        type,
        nullable,
        0,
        false,
        spec("lifecycle_event", GeneratorSpec.params("entity", e.name(), "field", field)));
  }

  private static GeneratorSpec spec(String type, Map<String, Object> params) {
    return new GeneratorSpec(type, params);
  }
}
