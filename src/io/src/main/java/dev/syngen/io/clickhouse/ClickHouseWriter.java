package dev.syngen.io.clickhouse;

import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.SinkException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Inserts one entity's batches, one RowBinary {@code INSERT} per batch (a single block: the server
 * keeps all of it or none). {@link #endOfEntity} runs the post-ingestion check.
 */
final class ClickHouseWriter implements EntityWriter<RowBinary.Chunk> {
  private static final System.Logger LOG = System.getLogger(ClickHouseWriter.class.getName());

  private final ClickHouseSink sink;
  private final ClickHouseHttp http;
  private final CompiledEntity entity;
  private final ClickHouseSink.Table table;
  private final long startRow;
  private final boolean check;
  private final String insert;
  private final String[] names;
  private final Map<Integer, Long> months = new TreeMap<>();

  ClickHouseWriter(
      ClickHouseSink sink,
      ClickHouseHttp http,
      CompiledEntity entity,
      ClickHouseSink.Table table,
      long startRow,
      boolean check) {
    this.sink = sink;
    this.http = http;
    this.entity = entity;
    this.table = table;
    this.startRow = startRow;
    this.check = check;
    this.insert = sink.insertSql(entity);
    this.names = entity.columns().stream().map(c -> c.name()).toArray(String[]::new);
  }

  @Override
  public RowBinary.Chunk encode(RowBatch batch) {
    return RowBinary.encode(batch, table.wires(), names, table.partitionColumn());
  }

  @Override
  public void write(RowBinary.Chunk chunk) {
    try {
      http.insert(insert, chunk.bytes(), chunk.size(), chunk.rows());
    } catch (SinkException e) {
      throw new SinkException(
          "inserting rows "
              + chunk.firstRow()
              + ".."
              + (chunk.firstRow() + chunk.rows() - 1)
              + " of entity "
              + entity.name()
              + " failed: "
              + e.getMessage(),
          e);
    }
    chunk.months().forEach((m, n) -> months.merge(m, n, Long::sum));
  }

  @Override
  public long encodedBytes(RowBinary.Chunk chunk) {
    return chunk.size();
  }

  /** The post-ingestion check: the table holds exactly the planned rows, per partition too. */
  @Override
  public void endOfEntity(long rows) {
    if (!check) {
      return;
    }
    long want = table.rowsBefore() + rows - startRow;
    long have = sink.count(table.name());
    if (have != want) {
      throw new SinkException(
          "clickhouse post-ingestion check failed: table "
              + table.name()
              + " holds "
              + have
              + " rows, the plan expects "
              + want
              + " ("
              + table.rowsBefore()
              + " before the run + "
              + (rows - startRow)
              + " written); another writer may be inserting into it");
    }
    String partitions = "";
    if (table.checkPartitions() && startRow == 0) {
      Map<String, Long> expected = new TreeMap<>();
      months.forEach((m, n) -> expected.put(Integer.toString(m), n));
      Map<String, Long> actual = sink.partitions(table.name());
      if (!expected.equals(actual)) {
        throw new SinkException(
            "clickhouse post-ingestion check failed: table "
                + table.name()
                + " has rows per partition "
                + actual
                + ", the plan expects "
                + expected);
      }
      partitions = ", " + actual.size() + " partition(s) as planned";
    }
    LOG.log(
        System.Logger.Level.INFO,
        "clickhouse post-ingestion check passed: table "
            + table.name()
            + " holds "
            + have
            + " rows as planned"
            + partitions);
  }

  @Override
  public void finish() {
    // every INSERT is already durable on the server
  }

  @Override
  public void close() {
    // nothing held between requests
  }
}
