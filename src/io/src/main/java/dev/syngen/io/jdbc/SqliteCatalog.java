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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a SQLite database's tables from sqlite_master and the table pragmas; CHECKs from the CREATE
 * TABLE text, since SQLite keeps no other record of them.
 */
final class SqliteCatalog implements Catalog {
  private static final Pattern LENGTH = Pattern.compile("\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

  @Override
  public List<String> tables(Connection c, String schema) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                    + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  @Override
  public DbTable table(Connection c, String schema, String name, RowCounter rows)
      throws SQLException {
    String q = Sql.quote(name);
    String sql = createSql(c, name);
    boolean autoincrement = sql.toUpperCase(Locale.ROOT).contains("AUTOINCREMENT");
    List<DbColumn> columns = new ArrayList<>();
    TreeMap<Integer, String> pk = new TreeMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA table_info(" + q + ")")) {
      while (rs.next()) {
        String col = rs.getString("name");
        String declared = rs.getString("type");
        int pkIndex = rs.getInt("pk");
        if (pkIndex > 0) {
          pk.put(pkIndex, col);
        }
        Matcher m = LENGTH.matcher(declared == null ? "" : declared);
        Integer length = null;
        Integer scale = null;
        if (m.find()) {
          length = Integer.parseInt(m.group(1));
          scale = m.group(2) == null ? null : Integer.parseInt(m.group(2));
        }
        boolean rowid = pkIndex == 1 && declared != null && declared.equalsIgnoreCase("INTEGER");
        Optional<ColumnType> type = type(declared);
        columns.add(
            new DbColumn(
                col,
                declared == null || declared.isBlank() ? "(none)" : declared,
                type,
                rs.getBoolean("notnull") || pkIndex > 0,
                rs.getString("dflt_value"),
                rowid || (pkIndex > 0 && autoincrement),
                type.filter(t -> t == ColumnType.STRING).isPresent() ? length : null,
                type.filter(t -> t == ColumnType.DOUBLE).isPresent() ? scale : null,
                List.of()));
      }
    }
    List<List<String>> uniques = uniques(c, q);
    List<DbForeignKey> fks = foreignKeys(c, name, q, new ArrayList<>(pk.values()));
    List<DbCheck> checks = new ArrayList<>();
    for (String text : checks(sql)) {
      checks.add(CheckParser.parse(text));
    }
    Rows r = rows.count(name, -1);
    return new DbTable(
        name, columns, new ArrayList<>(pk.values()), uniques, fks, checks, r.rows(), r.estimated());
  }

  private static String createSql(Connection c, String name) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getString(1) != null ? rs.getString(1) : "";
      }
    }
  }

  private static List<List<String>> uniques(Connection c, String q) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA index_list(" + q + ")")) {
      while (rs.next()) {
        if (rs.getInt("unique") == 1 && "u".equals(rs.getString("origin"))) {
          names.add(rs.getString("name"));
        }
      }
    }
    List<List<String>> out = new ArrayList<>();
    for (String index : names) {
      TreeMap<Integer, String> cols = new TreeMap<>();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("PRAGMA index_info('" + index.replace("'", "''") + "')")) {
        while (rs.next()) {
          cols.put(rs.getInt("seqno"), rs.getString("name"));
        }
      }
      out.add(new ArrayList<>(cols.values()));
    }
    return out;
  }

  private static List<DbForeignKey> foreignKeys(
      Connection c, String table, String q, List<String> ownPk) throws SQLException {
    Map<Integer, List<String[]>> byId = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA foreign_key_list(" + q + ")")) {
      while (rs.next()) {
        byId.computeIfAbsent(rs.getInt("id"), k -> new ArrayList<>())
            .add(new String[] {rs.getString("table"), rs.getString("from"), rs.getString("to")});
      }
    }
    List<DbForeignKey> out = new ArrayList<>();
    for (Map.Entry<Integer, List<String[]>> e : byId.entrySet()) {
      String parent = e.getValue().get(0)[0];
      List<String> cols = e.getValue().stream().map(x -> x[1]).toList();
      List<String> to = e.getValue().stream().map(x -> x[2]).toList();
      if (to.contains(null)) {
        to = parent.equals(table) ? ownPk : primaryKey(c, parent);
      }
      out.add(new DbForeignKey("fk_" + table + "_" + String.join("_", cols), cols, parent, to));
    }
    return out;
  }

  private static List<String> primaryKey(Connection c, String table) throws SQLException {
    TreeMap<Integer, String> pk = new TreeMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA table_info(" + Sql.quote(table) + ")")) {
      while (rs.next()) {
        if (rs.getInt("pk") > 0) {
          pk.put(rs.getInt("pk"), rs.getString("name"));
        }
      }
    }
    return new ArrayList<>(pk.values());
  }

  /** The text inside each CHECK ( … ) of a CREATE TABLE statement. */
  static List<String> checks(String sql) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("(?i)\\bCHECK\\s*\\(").matcher(sql);
    while (m.find()) {
      int depth = 1;
      int i = m.end();
      boolean quoted = false;
      for (; i < sql.length() && depth > 0; i++) {
        char ch = sql.charAt(i);
        if (ch == '\'') {
          quoted = !quoted;
        } else if (!quoted && ch == '(') {
          depth++;
        } else if (!quoted && ch == ')') {
          depth--;
        }
      }
      out.add(sql.substring(m.end(), i - 1).trim());
    }
    return out;
  }

  static Optional<ColumnType> type(String declared) {
    String d = declared == null ? "" : declared.toUpperCase(Locale.ROOT);
    if (d.isBlank() || d.contains("BLOB")) {
      return Optional.empty();
    }
    if (d.contains("BOOL")) {
      return Optional.of(ColumnType.BOOL);
    }
    if (d.contains("INT")) {
      return Optional.of(d.contains("BIG") ? ColumnType.BIGINT : ColumnType.INT);
    }
    if (d.contains("UUID")) {
      return Optional.of(ColumnType.UUID);
    }
    if (d.contains("TIME")) {
      return Optional.of(ColumnType.TIMESTAMP);
    }
    if (d.contains("DATE")) {
      return Optional.of(ColumnType.DATE);
    }
    if (d.contains("CHAR") || d.contains("CLOB")) {
      return Optional.of(ColumnType.STRING);
    }
    if (d.contains("TEXT")) {
      return Optional.of(ColumnType.TEXT);
    }
    if (d.contains("REAL")
        || d.contains("FLOA")
        || d.contains("DOUB")
        || d.contains("NUMERIC")
        || d.contains("DECIMAL")) {
      return Optional.of(ColumnType.DOUBLE);
    }
    return Optional.empty();
  }
}
