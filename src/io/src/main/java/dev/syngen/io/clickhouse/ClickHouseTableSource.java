package dev.syngen.io.clickhouse;

import dev.syngen.core.engine.ValueFormat;
import dev.syngen.core.fidelity.Reservoir;
import dev.syngen.core.fidelity.TableSource;
import dev.syngen.core.sink.SinkException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Reads tables back from ClickHouse for fidelity and profiling, streaming TabSeparated over HTTP.
 * Values come back as the file targets write them: timestamps as ISO-8601 instants, UInt8 booleans
 * as true/false. A sample is a reservoir over a scan (in sorting-key order).
 */
public final class ClickHouseTableSource implements TableSource {
  private final ClickHouseHttp http;

  private ClickHouseTableSource(ClickHouseHttp http) {
    this.http = http;
  }

  public static ClickHouseTableSource open(String dsn) {
    ClickHouseDsn parsed;
    try {
      parsed = ClickHouseDsn.parse(dsn);
    } catch (SinkException e) {
      throw new SinkException("dsn " + e.getMessage(), e);
    }
    ClickHouseHttp http = new ClickHouseHttp(parsed);
    http.scalar("SELECT 1");
    return new ClickHouseTableSource(http);
  }

  private Map<String, String> types(String table) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (String[] r :
        http.rows(
            "SELECT name, type FROM system.columns WHERE database = '"
                + http.dsn().database()
                + "' AND table = '"
                + dev.syngen.core.plan.Identifiers.require(table)
                + "'")) {
      out.put(r[0], r[1]);
    }
    if (out.isEmpty()) {
      throw new SinkException(
          "cannot read table '"
              + table
              + "' in database "
              + http.dsn().database()
              + ": no such table");
    }
    return out;
  }

  @Override
  public List<String> columns(String table) {
    return new ArrayList<>(types(table).keySet());
  }

  /** Each column as a select expression whose text is syngen's form of the value. */
  private String select(String table, List<String> columns) {
    Map<String, String> types = types(table);
    List<String> exprs = new ArrayList<>();
    for (String c : columns) {
      String type = types.get(c);
      if (type == null) {
        throw new SinkException("table '" + table + "' has no column '" + c + "'");
      }
      String q = ClickHouseSink.quote(c);
      String base = type.startsWith("Nullable(") ? type.substring(9, type.length() - 1) : type;
      if (base.startsWith("DateTime64")) {
        exprs.add("toString(" + q + ")"); // converted in text() below
      } else if (base.startsWith("DateTime")) {
        exprs.add("toUnixTimestamp(" + q + ")");
      } else {
        exprs.add(q);
      }
    }
    return "SELECT "
        + String.join(", ", exprs)
        + " FROM "
        + ClickHouseSink.quote(http.dsn().database())
        + "."
        + ClickHouseSink.quote(table);
  }

  private String[] kinds(String table, List<String> columns) {
    Map<String, String> types = types(table);
    return columns.stream()
        .map(
            c -> {
              String t = types.get(c);
              String base = t.startsWith("Nullable(") ? t.substring(9, t.length() - 1) : t;
              return base.startsWith("DateTime64")
                  ? "DT64"
                  : base.startsWith("DateTime") ? "DT" : base.equals("UInt8") ? "BOOL" : "";
            })
        .toArray(String[]::new);
  }

  private static void convert(String[] values, String[] kinds) {
    for (int i = 0; i < values.length; i++) {
      String v = values[i];
      if (v == null) {
        continue;
      }
      switch (kinds[i]) {
        case "DT" -> values[i] = ValueFormat.timestamp(Long.parseLong(v) * 1000);
        case "DT64" ->
            values[i] =
                ValueFormat.timestamp(
                    java.time.LocalDateTime.parse(v.replace(' ', 'T'))
                        .toInstant(java.time.ZoneOffset.UTC)
                        .toEpochMilli());
        case "BOOL" -> values[i] = v.equals("0") ? "false" : "true";
        default -> {}
      }
    }
  }

  @Override
  public Sample sample(String table, List<String> columns, int n, long seed) {
    Reservoir reservoir = new Reservoir(n, seed);
    String[][] kept = new String[n][];
    String[] kinds = kinds(table, columns);
    long[] rows = {0};
    http.stream(
        select(table, columns),
        values -> {
          rows[0]++;
          int slot = reservoir.next();
          if (slot >= 0) {
            convert(values, kinds);
            kept[slot] = values;
          }
        });
    int size = (int) Math.min(n, reservoir.seen());
    return new Sample(rows[0], Arrays.asList(Arrays.copyOf(kept, size)));
  }

  @Override
  public void scan(String table, List<String> columns, String orderBy, RowVisitor visitor) {
    String[] kinds = kinds(table, columns);
    String sql =
        select(table, columns)
            + (orderBy == null ? "" : " ORDER BY " + ClickHouseSink.quote(orderBy));
    http.stream(
        sql,
        values -> {
          convert(values, kinds);
          visitor.row(values);
        });
  }

  @Override
  public void close() {
    // stateless over HTTP
  }
}
