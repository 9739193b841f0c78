package dev.syngen.io.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syngen.core.sink.SinkException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Applies Debezium JSON change envelopes ({@code op} c, u or d with {@code before}, {@code after},
 * {@code source} and {@code ts_ms}) to one PostgreSQL table, in the order given: inserts, updates
 * by key and deletes by key, each row image read by {@code json_populate_record} with the table's
 * own column types. The {@code cdc: apply} option of a PostgreSQL target writes a change stream
 * through it, and tests use it as a consumer's view of the envelopes syngen writes.
 */
public final class DebeziumApplier implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Connection connection;
  private final String table;
  // one statement per SQL text: a table's envelopes have the same columns, so a few at most
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private long applied;

  /** Applies to {@code schema.table}; the caller owns the connection and its transaction. */
  public DebeziumApplier(Connection connection, String schema, String table) {
    this.connection = connection;
    this.table = Sql.quote(schema) + "." + Sql.quote(table);
  }

  /** Applies one envelope (one NDJSON line); fails naming its position and what is wrong. */
  public void apply(String envelope) {
    JsonNode e;
    try {
      e = JSON.readTree(envelope);
    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
      throw invalid("is not JSON (" + ex.getOriginalMessage() + ")");
    }
    String op = e.path("op").asText("");
    JsonNode before = e.path("before");
    JsonNode after = e.path("after");
    if (!e.path("source").isObject() || !e.path("ts_ms").isIntegralNumber()) {
      throw invalid("lacks the source object or the ts_ms number of a Debezium envelope");
    }
    JsonNode key = e.path("key").isObject() ? e.path("key") : null;
    try {
      switch (op) {
        case "c", "r" -> {
          require(before.isMissingNode() || before.isNull(), "op " + op + " has a before image");
          require(after.isObject(), "op " + op + " has no after image");
          update(
              "INSERT INTO "
                  + table
                  + " SELECT * FROM json_populate_record(null::"
                  + table
                  + ", ?::json)",
              after.toString());
        }
        case "u" -> {
          require(before.isObject() && after.isObject(), "op u needs before and after images");
          List<String> cols = fields(after);
          String set = String.join(", ", cols);
          update(
              "UPDATE "
                  + table
                  + " AS x SET ("
                  + set
                  + ") = (SELECT "
                  + set
                  + " FROM json_populate_record(null::"
                  + table
                  + ", ?::json)) WHERE "
                  + keyMatch(key == null ? before : key),
              after.toString(),
              (key == null ? before : key).toString());
        }
        case "d" -> {
          require(before.isObject(), "op d has no before image");
          require(after.isMissingNode() || after.isNull(), "op d has an after image");
          update(
              "DELETE FROM " + table + " AS x WHERE " + keyMatch(key == null ? before : key),
              (key == null ? before : key).toString());
        }
        default -> throw invalid("has op '" + op + "', not c, r, u or d");
      }
    } catch (SQLException ex) {
      throw new SinkException("change " + applied + " to " + table + " failed: " + ex.getMessage());
    }
    applied++;
  }

  /** How many envelopes were applied. */
  public long applied() {
    return applied;
  }

  private void update(String sql, String... json) throws SQLException {
    PreparedStatement ps = statements.get(sql);
    if (ps == null) {
      ps = connection.prepareStatement(sql);
      statements.put(sql, ps);
    }
    for (int i = 0; i < json.length; i++) {
      ps.setString(i + 1, json[i]);
    }
    int n = ps.executeUpdate();
    if (n != 1) {
      throw invalid("changed " + n + " rows of " + table + " instead of one");
    }
  }

  /** Closes the prepared statements; the connection stays the caller's. */
  @Override
  public void close() {
    for (PreparedStatement ps : statements.values()) {
      try {
        ps.close();
      } catch (SQLException e) {
        // the connection is closed with them by its owner; nothing is left to release
      }
    }
    statements.clear();
  }

  /** {@code (x.k1, …) = (SELECT k1, … FROM json_populate_record(…, ?))}: one parameter. */
  private String keyMatch(JsonNode key) {
    List<String> cols = fields(key);
    List<String> mine = cols.stream().map(c -> "x." + c).toList();
    return "("
        + String.join(", ", mine)
        + ") = (SELECT "
        + String.join(", ", cols)
        + " FROM json_populate_record(null::"
        + table
        + ", ?::json))";
  }

  private static List<String> fields(JsonNode object) {
    List<String> out = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      out.add(Sql.quote(it.next()));
    }
    return out;
  }

  private void require(boolean ok, String what) {
    if (!ok) {
      throw invalid(what);
    }
  }

  private SinkException invalid(String what) {
    return new SinkException(
        "change "
            + applied
            + " is not a valid Debezium envelope: it "
            + what
            + " (fix: write op, before, after, source and ts_ms as in"
            + " https://debezium.io/documentation/reference/stable/connectors/postgresql.html)");
  }
}
