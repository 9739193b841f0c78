package dev.syngen.io.jdbc;

import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.schema.CheckParser;
import dev.syngen.core.schema.DbSchema.DbCheck;
import dev.syngen.core.schema.DbSchema.DbColumn;
import dev.syngen.core.schema.DbSchema.DbForeignKey;
import dev.syngen.core.schema.DbSchema.DbTable;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a PostgreSQL schema's tables, columns, keys and CHECKs from pg_catalog. */
final class PostgresCatalog implements Catalog {
  private static final String TABLES =
      "SELECT c.oid, c.relname, c.reltuples FROM pg_catalog.pg_class c"
          + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
          + " ORDER BY c.relname";
  private static final String COLUMNS =
      "SELECT a.attnum, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), t.typname,"
          + " t.typtype, a.attnotnull, pg_catalog.pg_get_expr(d.adbin, d.adrelid),"
          + " a.attidentity <> '' OR coalesce(pg_catalog.pg_get_expr(d.adbin, d.adrelid), '')"
          + " LIKE 'nextval(%', a.atttypmod, t.oid, a.attndims"
          + " FROM pg_catalog.pg_attribute a"
          + " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
          + " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
          + " WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";
  private static final String CONSTRAINTS =
      "SELECT con.conname, con.contype, con.conkey, con.confkey, fc.relname, fn.nspname,"
          + " pg_catalog.pg_get_constraintdef(con.oid)"
          + " FROM pg_catalog.pg_constraint con"
          + " LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid"
          + " LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace"
          + " WHERE con.conrelid = ? ORDER BY con.conname";
  private static final String ENUM =
      "SELECT enumlabel FROM pg_catalog.pg_enum WHERE enumtypid = ? ORDER BY enumsortorder";

  @Override
  public List<String> tables(Connection c, String schema) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(TABLES)) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(2));
        }
      }
    }
    return out;
  }

  @Override
  public DbTable table(Connection c, String schema, String name, RowCounter rows)
      throws SQLException {
    long oid;
    long estimate;
    try (PreparedStatement ps = c.prepareStatement(TABLES + "")) {
      ps.setString(1, schema);
      oid = -1;
      estimate = -1;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rs.getString(2).equals(name)) {
            oid = rs.getLong(1);
            estimate = Math.max(0, Math.round(rs.getDouble(3)));
          }
        }
      }
    }
    Map<Integer, String> byNum = new HashMap<>();
    List<DbColumn> columns = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
      ps.setLong(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byNum.put(rs.getInt(1), rs.getString(2));
          columns.add(column(c, rs));
        }
      }
    }
    List<String> pk = new ArrayList<>();
    List<List<String>> uniques = new ArrayList<>();
    List<DbForeignKey> fks = new ArrayList<>();
    List<DbCheck> checks = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(CONSTRAINTS)) {
      ps.setLong(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          List<String> cols = names(rs.getArray(3), byNum);
          switch (rs.getString(2)) {
            case "p" -> pk.addAll(cols);
            case "u" -> uniques.add(cols);
            case "f" -> {
              String parent =
                  schema.equals(rs.getString(6)) ? rs.getString(5) : "(" + rs.getString(6) + ")";
              fks.add(
                  new DbForeignKey(
                      rs.getString(1), cols, parent, parentColumns(c, rs, parent, schema)));
            }
            case "c" -> checks.add(CheckParser.parse(rs.getString(7)));
            default -> {}
          }
        }
      }
    }
    Rows r = rows.count(name, estimate);
    return new DbTable(name, columns, pk, uniques, fks, checks, r.rows(), r.estimated());
  }

  private static List<String> parentColumns(
      Connection c, ResultSet rs, String parent, String schema) throws SQLException {
    Map<Integer, String> byNum = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT a.attnum, a.attname FROM pg_catalog.pg_attribute a"
                + " JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relname = ? AND a.attnum > 0")) {
      ps.setString(1, rs.getString(6));
      ps.setString(2, rs.getString(5));
      try (ResultSet p = ps.executeQuery()) {
        while (p.next()) {
          byNum.put(p.getInt(1), p.getString(2));
        }
      }
    }
    return names(rs.getArray(4), byNum);
  }

  private static List<String> names(Array array, Map<Integer, String> byNum) throws SQLException {
    List<String> out = new ArrayList<>();
    if (array == null) {
      return out;
    }
    for (Object o : (Object[]) array.getArray()) {
      out.add(byNum.get(((Number) o).intValue()));
    }
    return out;
  }

  private static DbColumn column(Connection c, ResultSet rs) throws SQLException {
    String declared = rs.getString(3);
    String typname = rs.getString(4);
    boolean isEnum = "e".equals(rs.getString(5));
    int typmod = rs.getInt(9);
    boolean array = rs.getInt(11) > 0;
    Integer length =
        (typname.equals("varchar") || typname.equals("bpchar")) && typmod > 4 ? typmod - 4 : null;
    Integer scale = typname.equals("numeric") && typmod > 4 ? (typmod - 4) & 0xFFFF : null;
    List<String> labels = new ArrayList<>();
    if (isEnum) {
      try (PreparedStatement ps = c.prepareStatement(ENUM)) {
        ps.setLong(1, rs.getLong(10));
        try (ResultSet e = ps.executeQuery()) {
          while (e.next()) {
            labels.add(e.getString(1));
          }
        }
      }
      declared = typname;
    }
    Optional<ColumnType> type =
        array ? Optional.empty() : isEnum ? Optional.of(ColumnType.STRING) : type(typname, scale);
    return new DbColumn(
        rs.getString(2),
        declared,
        type,
        rs.getBoolean(6),
        rs.getString(7),
        rs.getBoolean(8),
        length,
        scale,
        labels);
  }

  static Optional<ColumnType> type(String typname, Integer scale) {
    return Optional.ofNullable(
        switch (typname) {
          case "int2", "int4" -> ColumnType.INT;
          case "int8" -> ColumnType.BIGINT;
          case "float4" -> ColumnType.FLOAT;
          case "float8" -> ColumnType.DOUBLE;
          case "numeric" -> scale != null && scale == 0 ? ColumnType.BIGINT : ColumnType.DOUBLE;
          case "varchar", "bpchar" -> ColumnType.STRING;
          case "text" -> ColumnType.TEXT;
          case "bool" -> ColumnType.BOOL;
          case "timestamptz", "timestamp" -> ColumnType.TIMESTAMP;
          case "date" -> ColumnType.DATE;
          case "uuid" -> ColumnType.UUID;
          default -> null;
        });
  }
}
