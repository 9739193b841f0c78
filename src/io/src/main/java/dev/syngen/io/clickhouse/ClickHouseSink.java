package dev.syngen.io.clickhouse;

import dev.syngen.core.generate.Conversions;
import dev.syngen.core.generate.builtin.Sequence;
import dev.syngen.core.plan.CompiledColumn;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.Identifiers;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TableMode;
import dev.syngen.io.clickhouse.ClickHouseTypes.ColumnWire;
import dev.syngen.io.jdbc.ExistingColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Writes entities into ClickHouse {@code MergeTree} tables over the HTTP interface, one RowBinary
 * {@code INSERT} (one block, atomic on the server) per batch.
 *
 * <p>Before anything is written, {@link #prepare} checks every existing table (engine, columns,
 * types, Nullable) and fails with all mismatches having changed nothing; then it creates missing
 * tables ({@code ORDER BY} the sequence key, {@code PARTITION BY} the declared or default
 * expression, optional {@code TTL}) and truncates in {@code truncate_then_insert}. After an
 * entity's last row, its writer checks the table's row count (and, for tables this run created with
 * the default partitioning, the rows of every partition) against the plan and fails the run when
 * they differ.
 */
final class ClickHouseSink implements Sink {
  private static final System.Logger LOG = System.getLogger(ClickHouseSink.class.getName());

  /** What prepare learnt about an entity's table. */
  record Table(
      String name,
      ColumnWire[] wires,
      long rowsBefore,
      int partitionColumn,
      boolean checkPartitions) {}

  private final ClickHouseHttp http;
  private final ClickHouseOptions options;
  private final boolean checkAfter;
  private final Map<String, Table> tables = new ConcurrentHashMap<>();
  private volatile String version = "";

  ClickHouseSink(ClickHouseHttp http, ClickHouseOptions options, boolean checkAfter) {
    this.http = http;
    this.options = options;
    this.checkAfter = checkAfter;
  }

  static String quote(String identifier) {
    return '`' + Identifiers.require(identifier) + '`';
  }

  static String table(CompiledEntity e) {
    return e.table() != null ? e.table() : e.name();
  }

  private String qualified(String table) {
    return quote(http.dsn().database()) + "." + quote(table);
  }

  /** Whether {@code version} ("18.16.1", "23.8.2.7") is at least {@code major.minor}. */
  static boolean atLeast(String version, int major, int minor) {
    String[] p = version.trim().split("\\.");
    try {
      int a = Integer.parseInt(p[0]);
      int b = p.length > 1 ? Integer.parseInt(p[1]) : 0;
      return a > major || a == major && b >= minor;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  @Override
  public void prepare(List<CompiledEntity> entities, TableMode mode) {
    version = http.scalar("SELECT version()");
    boolean dateTime64 = atLeast(version, 20, 1);
    if (options.anyTtl() && !atLeast(version, 19, 6)) {
      throw new SinkException(
          "options.ttl: TTL needs ClickHouse 19.6 or newer, this server is "
              + version
              + "; fix: remove ttl from the target or upgrade the server. Nothing was changed");
    }
    String db = http.dsn().database();
    List<String> problems = new ArrayList<>();
    List<CompiledEntity> missing = new ArrayList<>();
    List<CompiledEntity> existing = new ArrayList<>();
    for (CompiledEntity e : entities) {
      String t = table(e);
      List<String[]> engine =
          http.rows(
              "SELECT engine FROM system.tables WHERE database = '"
                  + db
                  + "' AND name = '"
                  + Identifiers.require(t)
                  + "'");
      if (engine.isEmpty()) {
        missing.add(e);
      } else if (!engine.get(0)[0].endsWith("MergeTree")) {
        problems.add(
            db
                + "."
                + t
                + " exists with engine "
                + engine.get(0)[0]
                + "; fix: drop it or set target_table (syngen writes MergeTree tables)");
      } else {
        List<ExistingColumn> cols = columns(t);
        List<String> mismatches =
            ClickHouseTypes.check(dateTime64).mismatches(db + "." + t, e, cols);
        problems.addAll(mismatches);
        existing.add(e);
        if (mismatches.isEmpty()) {
          tables.put(e.name(), describe(e, cols, false, dateTime64));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new SinkException(
          "clickhouse target "
              + http.dsn()
              + " cannot take the scenario's tables; nothing was changed:\n  - "
              + String.join("\n  - ", problems));
    }
    if (!missing.isEmpty()) {
      http.execute("CREATE DATABASE IF NOT EXISTS " + quote(db));
    }
    for (CompiledEntity e : missing) {
      String ddl = createTable(e, dateTime64);
      try {
        http.execute(ddl);
      } catch (ClickHouseHttp.ServerError x) {
        throw new SinkException(
            x.getMessage()
                + "\n  statement: "
                + ddl
                + "\n  fix: check options.partition_by / options.ttl for entity "
                + e.name(),
            x);
      }
      tables.put(e.name(), describe(e, columns(table(e)), true, dateTime64));
    }
    if (mode == TableMode.TRUNCATE_THEN_INSERT) {
      for (CompiledEntity e : existing) {
        http.execute("TRUNCATE TABLE " + qualified(table(e)));
      }
    }
    for (CompiledEntity e : entities) {
      Table t = tables.get(e.name());
      long before = count(t.name());
      tables.put(
          e.name(),
          new Table(
              t.name(),
              t.wires(),
              before,
              t.partitionColumn(),
              t.checkPartitions() && before == 0));
    }
    LOG.log(
        System.Logger.Level.INFO,
        "clickhouse pre-ingestion check passed on "
            + http.dsn()
            + " (server "
            + version
            + "): "
            + entities.size()
            + " table(s) match the plan, created "
            + missing.stream().map(ClickHouseSink::table).toList());
  }

  private Table describe(
      CompiledEntity e, List<ExistingColumn> cols, boolean created, boolean dateTime64) {
    ColumnWire[] wires = new ColumnWire[e.columns().size()];
    for (int i = 0; i < wires.length; i++) {
      CompiledColumn c = e.columns().get(i);
      for (ExistingColumn x : cols) {
        if (x.name().equals(c.name())) {
          wires[i] =
              new ColumnWire(
                  ClickHouseTypes.wire(c.type(), x.type()).orElseThrow(),
                  ClickHouseTypes.nullable(x.type()));
        }
      }
    }
    int partitionColumn = defaultPartitionColumn(e);
    boolean defaultPartitioning =
        created
            && partitionColumn >= 0
            && options.forEntity(ClickHouseOptions.PARTITION_BY, e.name()) == null;
    return new Table(
        table(e), wires, 0, defaultPartitioning ? partitionColumn : -1, defaultPartitioning);
  }

  private List<ExistingColumn> columns(String table) {
    List<ExistingColumn> out = new ArrayList<>();
    for (String[] r :
        http.rows(
            "SELECT name, type, default_kind FROM system.columns WHERE database = '"
                + http.dsn().database()
                + "' AND table = '"
                + table
                + "'")) {
      String kind = r[2] == null ? "" : r[2];
      out.add(
          new ExistingColumn(
              r[0],
              r[1],
              !ClickHouseTypes.nullable(r[1]),
              !kind.isEmpty(),
              kind.equals("MATERIALIZED") || kind.equals("ALIAS")));
    }
    return out;
  }

  long count(String table) {
    return Long.parseLong(http.scalar("SELECT count() FROM " + qualified(table)));
  }

  /** Rows per partition of {@code table}, from the active parts. */
  Map<String, Long> partitions(String table) {
    Map<String, Long> out = new java.util.TreeMap<>();
    for (String[] r :
        http.rows(
            "SELECT partition, sum(rows) FROM system.parts WHERE database = '"
                + http.dsn().database()
                + "' AND table = '"
                + table
                + "' AND active GROUP BY partition")) {
      out.put(r[0], Long.parseLong(r[1]));
    }
    return out;
  }

  /** The first timestamp or date column without nulls, whose month partitions by default. */
  static int defaultPartitionColumn(CompiledEntity e) {
    for (int i = 0; i < e.columns().size(); i++) {
      CompiledColumn c = e.columns().get(i);
      if ((c.type() == ColumnType.TIMESTAMP || c.type() == ColumnType.DATE) && !c.canBeNull()) {
        return i;
      }
    }
    return -1;
  }

  /** The sequence columns without nulls: the sorting key, else {@code tuple()}. */
  static String orderBy(CompiledEntity e) {
    List<String> keys =
        e.columns().stream()
            .filter(c -> !c.canBeNull() && Conversions.unwrap(c.generator()) instanceof Sequence)
            .map(c -> quote(c.name()))
            .toList();
    return keys.isEmpty() ? "tuple()" : "(" + String.join(", ", keys) + ")";
  }

  String createTable(CompiledEntity e, boolean dateTime64) {
    String cols =
        e.columns().stream()
            .map(
                c ->
                    quote(c.name())
                        + " "
                        + ClickHouseTypes.declared(c.type(), c.canBeNull(), dateTime64))
            .collect(Collectors.joining(", "));
    String partition = options.forEntity(ClickHouseOptions.PARTITION_BY, e.name());
    if (partition == null) {
      int p = defaultPartitionColumn(e);
      partition = p < 0 ? null : "toYYYYMM(" + quote(e.columns().get(p).name()) + ")";
    } else if (partition.equalsIgnoreCase(ClickHouseOptions.NONE)) {
      partition = null;
    }
    String ttl = options.forEntity(ClickHouseOptions.TTL, e.name());
    return "CREATE TABLE "
        + qualified(table(e))
        + " ("
        + cols
        + ") ENGINE = MergeTree()"
        + (partition == null ? "" : " PARTITION BY " + partition)
        + " ORDER BY "
        + orderBy(e)
        + (ttl == null ? "" : " TTL " + ttl);
  }

  @Override
  public EntityWriter<RowBinary.Chunk> open(CompiledEntity entity, long startRow) {
    Table t = tables.get(entity.name());
    if (t == null) {
      throw new SinkException(
          "clickhouse target " + http.dsn() + ": entity " + entity.name() + " was not prepared");
    }
    return new ClickHouseWriter(this, http, entity, t, startRow, checkAfter);
  }

  String insertSql(CompiledEntity e) {
    return "INSERT INTO "
        + qualified(table(e))
        + " ("
        + e.columns().stream().map(c -> quote(c.name())).collect(Collectors.joining(", "))
        + ") FORMAT RowBinary";
  }

  @Override
  public void close() {
    // stateless over HTTP: nothing to release
  }
}
