package dev.syngen.io.jdbc;

import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.scenario.ColumnType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads and changes PostgreSQL's catalogue for the tables a run writes. */
final class PostgresTables {
  static final TableCheck CHECK =
      new TableCheck(
          t -> PgType.declared(t).ddl,
          (t, typname) -> PgType.existing(t, typname).isPresent(),
          false);

  private static final String RELKIND =
      "SELECT c.relkind FROM pg_catalog.pg_class c"
          + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE n.nspname = ? AND c.relname = ?";
  private static final String COLUMNS =
      "SELECT a.attname, CASE WHEN t.typtype = 'e' THEN 'enum' ELSE t.typname END, a.attnotnull,"
          + " a.atthasdef OR a.attidentity <> '', a.attgenerated <> ''"
          + " FROM pg_catalog.pg_attribute a"
          + " JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
          + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
          + " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
          + " WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0 AND NOT a.attisdropped"
          + " ORDER BY a.attnum";

  private PostgresTables() {}

  /** The relation kind ('r' table, 'p' partitioned table, 'v' view, …), empty if none exists. */
  static Optional<String> relkind(Connection c, String schema, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(RELKIND)) {
      ps.setString(1, schema);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  static List<ExistingColumn> columns(Connection c, String schema, String table)
      throws SQLException {
    List<ExistingColumn> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
      ps.setString(1, schema);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new ExistingColumn(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getBoolean(3),
                  rs.getBoolean(4),
                  rs.getBoolean(5)));
        }
      }
    }
    return out;
  }

  /** How each of the entity's columns goes over the wire into an existing table. */
  static PgType[] wireTypes(CompiledEntity e, List<ExistingColumn> existing) {
    PgType[] types = declaredTypes(e);
    for (int i = 0; i < types.length; i++) {
      String name = e.columns().get(i).name();
      ColumnType t = e.columns().get(i).type();
      for (ExistingColumn x : existing) {
        if (x.name().equals(name)) {
          types[i] = PgType.existing(t, x.type()).orElse(types[i]);
        }
      }
    }
    return types;
  }

  static PgType[] declaredTypes(CompiledEntity e) {
    return e.columns().stream().map(c -> PgType.declared(c.type())).toArray(PgType[]::new);
  }

  static boolean schemaExists(Connection c, String schema) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * Waits for and takes a lock on preparing {@code schema}, held until the transaction ends; every
   * syngen process preparing the same schema takes the same lock.
   */
  static void lockSchema(Connection c, String schema) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT pg_advisory_xact_lock(hashtext('syngen.prepare'), hashtext(?))")) {
      ps.setString(1, schema);
      ps.execute();
    }
  }

  static void createSchema(Connection c, String schema) throws SQLException {
    execute(c, "CREATE SCHEMA IF NOT EXISTS " + Sql.quote(schema));
  }

  static void create(Connection c, String schema, CompiledEntity e) throws SQLException {
    String columns =
        e.columns().stream()
            .map(col -> Sql.quote(col.name()) + " " + PgType.declared(col.type()).ddl)
            .collect(Collectors.joining(", "));
    execute(c, "CREATE TABLE " + qualified(schema, Sql.table(e)) + " (" + columns + ")");
  }

  /** Empties the tables in one statement, so foreign keys among them do not block it. */
  static void truncate(Connection c, String schema, List<String> tables) throws SQLException {
    if (!tables.isEmpty()) {
      execute(
          c,
          "TRUNCATE TABLE "
              + tables.stream().map(t -> qualified(schema, t)).collect(Collectors.joining(", ")));
    }
  }

  static String qualified(String schema, String table) {
    return Sql.quote(schema) + "." + Sql.quote(table);
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
