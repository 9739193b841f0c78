package dev.syngen.io.jdbc;

import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.schema.CheckParser;
import dev.syngen.core.schema.DbSchema.DbCheck;
import dev.syngen.core.schema.DbSchema.DbColumn;
import dev.syngen.core.schema.DbSchema.DbForeignKey;
import dev.syngen.core.schema.DbSchema.DbTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a MariaDB (or MySQL) database's tables, keys and CHECKs from information_schema. */
final class MariaDbCatalog implements Catalog {
  private static final String TABLES =
      "SELECT TABLE_NAME, TABLE_ROWS FROM information_schema.TABLES"
          + " WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME";
  private static final String COLUMNS =
      "SELECT COLUMN_NAME, COLUMN_TYPE, DATA_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA,"
          + " CHARACTER_MAXIMUM_LENGTH, NUMERIC_SCALE FROM information_schema.COLUMNS"
          + " WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION";
  private static final String KEYS =
      "SELECT tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, k.COLUMN_NAME, k.REFERENCED_TABLE_SCHEMA,"
          + " k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME"
          + " FROM information_schema.TABLE_CONSTRAINTS tc"
          + " JOIN information_schema.KEY_COLUMN_USAGE k ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA"
          + " AND k.TABLE_NAME = tc.TABLE_NAME AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
          + " WHERE tc.TABLE_SCHEMA = ? AND tc.TABLE_NAME = ?"
          + " ORDER BY tc.CONSTRAINT_NAME, k.ORDINAL_POSITION";
  private static final String CHECKS =
      "SELECT CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
          + " WHERE CONSTRAINT_SCHEMA = ? AND TABLE_NAME = ? ORDER BY CONSTRAINT_NAME";
  private static final Pattern LABEL = Pattern.compile("'((?:[^']|'')*)'");

  @Override
  public List<String> tables(Connection c, String schema) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(TABLES)) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  @Override
  public DbTable table(Connection c, String schema, String name, RowCounter rows)
      throws SQLException {
    long estimate = -1;
    try (PreparedStatement ps = c.prepareStatement(TABLES)) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (rs.getString(1).equals(name)) {
            estimate = rs.getLong(2);
          }
        }
      }
    }
    List<DbColumn> columns = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(COLUMNS)) {
      ps.setString(1, schema);
      ps.setString(2, name);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.add(column(rs));
        }
      }
    }
    List<String> pk = new ArrayList<>();
    Map<String, List<String>> uniques = new LinkedHashMap<>();
    Map<String, String[]> fkParent = new LinkedHashMap<>();
    Map<String, List<String>> fkCols = new LinkedHashMap<>();
    Map<String, List<String>> fkTo = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(KEYS)) {
      ps.setString(1, schema);
      ps.setString(2, name);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String cn = rs.getString(1);
          String col = rs.getString(3);
          switch (rs.getString(2)) {
            case "PRIMARY KEY" -> pk.add(col);
            case "UNIQUE" -> uniques.computeIfAbsent(cn, k -> new ArrayList<>()).add(col);
            case "FOREIGN KEY" -> {
              String parent =
                  schema.equals(rs.getString(4)) ? rs.getString(5) : "(" + rs.getString(4) + ")";
              fkParent.put(cn, new String[] {parent});
              fkCols.computeIfAbsent(cn, k -> new ArrayList<>()).add(col);
              fkTo.computeIfAbsent(cn, k -> new ArrayList<>()).add(rs.getString(6));
            }
            default -> {}
          }
        }
      }
    }
    List<DbForeignKey> fks = new ArrayList<>();
    fkParent.forEach((cn, p) -> fks.add(new DbForeignKey(cn, fkCols.get(cn), p[0], fkTo.get(cn))));
    List<DbCheck> checks = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(CHECKS)) {
      ps.setString(1, schema);
      ps.setString(2, name);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          checks.add(CheckParser.parse(backticked(rs.getString(1))));
        }
      }
    }
    Rows r = rows.count(name, estimate);
    return new DbTable(
        name, columns, pk, new ArrayList<>(uniques.values()), fks, checks, r.rows(), r.estimated());
  }

  /**
   * The server prints a CHECK clause with the session's identifier quotes; syngen's sessions use
   * ANSI quotes, so {@code "price" > 0} becomes {@code `price` > 0}, which reads the same in any
   * session (in one without ANSI quotes, {@code "price"} would be a string).
   */
  static String backticked(String clause) {
    StringBuilder out = new StringBuilder(clause.length());
    boolean inString = false;
    for (int i = 0; i < clause.length(); i++) {
      char ch = clause.charAt(i);
      if (ch == '\'') {
        inString = !inString;
      }
      out.append(!inString && ch == '"' ? '`' : ch);
    }
    return out.toString();
  }

  private static DbColumn column(ResultSet rs) throws SQLException {
    String columnType = rs.getString(2);
    String dataType = rs.getString(3).toLowerCase(Locale.ROOT);
    List<String> labels = new ArrayList<>();
    if (dataType.equals("enum")) {
      Matcher m = LABEL.matcher(columnType);
      while (m.find()) {
        labels.add(m.group(1).replace("''", "'"));
      }
    }
    Integer scale = rs.getObject(8) == null ? null : rs.getInt(8);
    String dflt = rs.getString(5);
    Optional<ColumnType> type = type(dataType, columnType, scale);
    Long length = rs.getObject(7) == null ? null : rs.getLong(7);
    return new DbColumn(
        rs.getString(1),
        columnType,
        type,
        "NO".equals(rs.getString(4)),
        dflt == null || dflt.equalsIgnoreCase("NULL") ? null : dflt,
        rs.getString(6) != null && rs.getString(6).contains("auto_increment"),
        length == null || length > Integer.MAX_VALUE || dataType.endsWith("text")
            ? null
            : length.intValue(),
        dataType.equals("decimal") ? scale : null,
        labels);
  }

  static Optional<ColumnType> type(String dataType, String columnType, Integer scale) {
    return Optional.ofNullable(
        switch (dataType) {
          case "tinyint" ->
              columnType.toLowerCase(Locale.ROOT).startsWith("tinyint(1)")
                  ? ColumnType.BOOL
                  : ColumnType.INT;
          case "smallint", "mediumint", "int", "integer" -> ColumnType.INT;
          case "bigint" -> ColumnType.BIGINT;
          case "decimal" -> scale != null && scale == 0 ? ColumnType.BIGINT : ColumnType.DOUBLE;
          case "float" -> ColumnType.FLOAT;
          case "double" -> ColumnType.DOUBLE;
          case "varchar", "char", "enum" -> ColumnType.STRING;
          case "text", "tinytext", "mediumtext", "longtext" -> ColumnType.TEXT;
          case "datetime", "timestamp" -> ColumnType.TIMESTAMP;
          case "date" -> ColumnType.DATE;
          case "uuid" -> ColumnType.UUID;
          case "boolean", "bool" -> ColumnType.BOOL;
          default -> null;
        });
  }
}
