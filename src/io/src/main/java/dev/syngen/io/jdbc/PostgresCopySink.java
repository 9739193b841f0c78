package dev.syngen.io.jdbc;

import dev.syngen.core.lifecycle.LifecycleGenerators;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.Identifiers;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.PartitionCommits;
import dev.syngen.core.sink.Redactor;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TableMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes entities into PostgreSQL tables with {@code COPY … FROM STDIN}, binary by default. Each
 * entity writer has its own connection and transaction, committed when the entity is finished, so a
 * failure leaves none of that entity's uncommitted rows behind. A partitioned run commits each row
 * range together with its partition marker instead (see {@link PartitionCommits}).
 *
 * <p>With {@code options.cdc: apply}, a lifecycle's change stream ({@code <entity>_cdc}) is applied
 * to the entity's own table, in the order it is written, instead of being stored as rows; the
 * entity's rows are then not copied (the changes insert, update and delete them), so the table ends
 * in the final state and the database's own change log holds the same history.
 */
public final class PostgresCopySink implements Sink, PartitionCommits {
  private final JdbcUrls.Postgres target;
  private final String schema;
  private final CopyFormat format;
  private final PartitionMarkers markers;
  private final Map<String, PgType[]> wireTypes = new ConcurrentHashMap<>();
  private final boolean applyChanges;
  // with applyChanges: change stream name -> the entity whose table it is applied to
  private final Map<String, CompiledEntity> appliedTo = new ConcurrentHashMap<>();

  PostgresCopySink(JdbcUrls.Postgres target, String schema, CopyFormat format) {
    this(target, schema, format, false);
  }

  PostgresCopySink(
      JdbcUrls.Postgres target, String schema, CopyFormat format, boolean applyChanges) {
    this.target = target;
    this.schema = Identifiers.require(schema);
    this.format = format;
    this.markers = PartitionMarkers.postgres(this.schema);
    this.applyChanges = applyChanges;
  }

  /**
   * Checks every entity's existing table first and fails with all mismatches before changing
   * anything; then, in one transaction, creates the schema and missing tables and truncates. The
   * transaction holds an advisory lock on the schema, so processes preparing it at the same time
   * (the shards of a Kubernetes Indexed Job) take turns: the later ones find the tables created.
   */
  @Override
  public void prepare(List<CompiledEntity> entities, TableMode mode) {
    if (applyChanges) {
      entities = changeStreamsApplied(entities);
    }
    try (Connection c = target.connect()) {
      c.setAutoCommit(false);
      PostgresTables.lockSchema(c, schema);
      TableInspection found = inspect(c, entities);
      found.throwIfProblems("postgres target " + target);
      if (!found.missing.isEmpty() && !PostgresTables.schemaExists(c, schema)) {
        PostgresTables.createSchema(c, schema);
      }
      for (CompiledEntity e : found.missing) {
        PostgresTables.create(c, schema, e);
      }
      if (mode == TableMode.TRUNCATE_THEN_INSERT) {
        PostgresTables.truncate(c, schema, found.existing);
      }
      indexKeys(c);
      c.commit();
    } catch (SQLException e) {
      throw failure("preparing tables in schema " + schema, e);
    }
  }

  /**
   * Finds each change stream's entity among those written (its table is where the changes go) and
   * returns the entities whose tables are to exist: all but the change streams.
   */
  private List<CompiledEntity> changeStreamsApplied(List<CompiledEntity> entities) {
    List<CompiledEntity> tables = new ArrayList<>();
    for (CompiledEntity e : entities) {
      if (!LifecycleGenerators.isChangeStream(e)) {
        tables.add(e);
        continue;
      }
      String base = e.allocation().parent();
      CompiledEntity owner =
          entities.stream()
              .filter(x -> x.name().equals(base))
              .findFirst()
              .orElseThrow(
                  () ->
                      new SinkException(
                          "postgres target "
                              + target
                              + ": options.cdc: apply applies "
                              + e.name()
                              + " to the table of entity "
                              + base
                              + ", which this run does not write (fix: include entity "
                              + base
                              + " too, e.g. --include-entity "
                              + base
                              + " --include-entity "
                              + e.name()
                              + ")"));
      appliedTo.put(e.name(), owner);
    }
    return tables;
  }

  /**
   * Indexes the instance key of every table a change stream is applied to: each update and delete
   * finds its row by key, which without an index is a scan of the table per change.
   */
  private void indexKeys(Connection c) throws SQLException {
    for (CompiledEntity owner : appliedTo.values()) {
      String table = Sql.table(owner);
      String key = owner.columns().get(owner.lifecycle().keyColumn()).name();
      String base = table + "_" + key;
      String index = base.substring(0, Math.min(50, base.length())) + "_cdc_key"; // names <= 63
      try (java.sql.Statement st = c.createStatement()) {
        st.execute(
            "CREATE INDEX IF NOT EXISTS "
                + Sql.quote(index)
                + " ON "
                + PostgresTables.qualified(schema, table)
                + " ("
                + Sql.quote(key)
                + ")");
      }
    }
  }

  /** True when entity's rows come from applying its change stream, so they are not copied. */
  private boolean rowsFromChanges(CompiledEntity entity) {
    return appliedTo.values().stream().anyMatch(o -> o.name().equals(entity.name()));
  }

  /** Reads the catalogue only; remembers how each entity's columns go over the wire. */
  private TableInspection inspect(Connection c, List<CompiledEntity> entities) throws SQLException {
    TableInspection found = new TableInspection();
    for (CompiledEntity e : entities) {
      String table = Sql.table(e);
      String name = schema + "." + table;
      Optional<String> kind = PostgresTables.relkind(c, schema, table);
      if (kind.isEmpty()) {
        found.missing.add(e);
        wireTypes.put(e.name(), PostgresTables.declaredTypes(e));
      } else if (!kind.get().equals("r") && !kind.get().equals("p")) {
        found.problems.add(name + " exists but is not a table; fix: drop it or set target_table");
      } else {
        List<ExistingColumn> cols = PostgresTables.columns(c, schema, table);
        found.problems.addAll(PostgresTables.CHECK.mismatches(name, e, cols));
        wireTypes.put(e.name(), PostgresTables.wireTypes(e, cols));
        found.existing.add(table);
      }
    }
    return found;
  }

  @Override
  public EntityWriter<?> open(CompiledEntity entity, long startRow) {
    return open(entity, startRow, CommitStep.NONE);
  }

  @Override
  public void prepareMarkers() {
    try (Connection c = target.connect()) {
      markers.create(c);
    } catch (SQLException e) {
      throw failure("creating " + PartitionMarkers.TABLE + " in schema " + schema, e);
    }
  }

  @Override
  public EntityWriter<?> openRange(
      String runId, CompiledEntity entity, long first, long from, long to) {
    if (appliedTo.containsKey(entity.name())) {
      throw new SinkException(
          "postgres target "
              + target
              + ": options.cdc: apply needs "
              + entity.name()
              + " in order on one writer, not in row ranges written side by side (fix: run it"
              + " unpartitioned, or write the change stream as rows with cdc: write)");
    }
    if (rowsFromChanges(entity)) {
      return open(entity, from, c -> markers.advance(c, runId, entity.name(), first, to));
    }
    return copy(
        entity,
        from,
        c -> markers.claim(c, runId, entity.name(), first, from),
        c -> markers.advance(c, runId, entity.name(), first, to));
  }

  @Override
  public OptionalLong committedNext(String runId, CompiledEntity entity, long first) {
    try (Connection c = target.connect()) {
      return markers.next(c, runId, entity.name(), first);
    } catch (SQLException e) {
      throw failure("reading the partition marker of entity " + entity.name(), e);
    }
  }

  @Override
  public void forgetMarkers(String runId) {
    try (Connection c = target.connect()) {
      markers.forget(c, runId);
    } catch (SQLException e) {
      throw failure("deleting the partition markers of run " + runId, e);
    }
  }

  private EntityWriter<?> open(CompiledEntity entity, long startRow, CommitStep beforeCommit) {
    CompiledEntity owner = appliedTo.get(entity.name());
    if (owner != null) {
      try {
        return new PostgresChangeWriter(
            target.connect(), schema, Sql.table(owner), entity, beforeCommit);
      } catch (SQLException e) {
        throw failure("applying " + entity.name() + " to " + Sql.table(owner), e);
      }
    }
    if (rowsFromChanges(entity)) {
      return new NoRowsWriter(target, beforeCommit);
    }
    return copy(entity, startRow, CommitStep.NONE, beforeCommit);
  }

  /** {@code beforeRows} runs first in the COPY's transaction, {@code beforeCommit} last. */
  private EntityWriter<CopyBuffer> copy(
      CompiledEntity entity, long startRow, CommitStep beforeRows, CommitStep beforeCommit) {
    String table = PostgresTables.qualified(schema, Sql.table(entity));
    PgType[] types =
        wireTypes.computeIfAbsent(entity.name(), k -> PostgresTables.declaredTypes(entity));
    String sql =
        "COPY "
            + table
            + " ("
            + Sql.columnList(entity)
            + ") FROM STDIN (FORMAT "
            + format.sqlName()
            + ")";
    String what =
        "entity "
            + entity.name()
            + " into "
            + table
            + " (COPY line n is row "
            + (startRow == 0 ? "n-1" : startRow + "+n-1")
            + ")";
    try {
      Connection c = target.connect();
      try {
        c.setAutoCommit(false);
        beforeRows.run(c);
      } catch (SQLException | RuntimeException e) {
        c.close();
        throw e;
      }
      return format == CopyFormat.BINARY
          ? PostgresCopyWriter.binary(c, sql, what, types, beforeCommit)
          : PostgresCopyWriter.text(c, sql, what, beforeCommit);
    } catch (SQLException e) {
      throw failure("starting COPY into " + table, e);
    }
  }

  @Override
  public void close() {
    // Writers own their connections; prepare closes its own.
  }

  private SinkException failure(String what, SQLException e) {
    return new SinkException(
        "postgres target " + target + ": " + what + " failed: " + Redactor.text(e.getMessage()), e);
  }
}
