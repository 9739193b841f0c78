package dev.syngen.server.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the run-history migrations must do on every supported database: create the tables the JPA
 * entities map onto, upgrade a database of the former hand-written migrator in place, and do
 * nothing the second time. A subclass supplies empty databases of one kind.
 */
abstract class HistorySchemaContract {

  static {
    // Derby, booted here or by a JDBC driver scan, writes derby.log into the working directory
    System.setProperty("derby.stream.error.file", "target/derby.log");
  }

  /** A new, empty database (or schema) as the connection's default; closed by the caller. */
  abstract Connection emptyDatabase() throws SQLException;

  /** {@code derby} or {@code postgresql}: the folder of the fixture and the migrations. */
  abstract String kind();

  @Test
  void anEmptyDatabaseGetsEveryTableAndColumnTheEntitiesMapOnto() throws Exception {
    try (Connection c = emptyDatabase()) {
      HistorySchema.migrate(c);
      Map<String, Map<String, Boolean>> tables = nullability(c);
      for (Class<?> entity : entities()) {
        String table = entity.getAnnotation(Table.class).name();
        Map<String, Boolean> columns = tables.get(table);
        assertTrue(columns != null, "no table " + table + " for " + entity.getSimpleName());
        for (Field f : persistentFields(entity)) {
          String column = columnOf(f);
          assertTrue(columns.containsKey(column), table + " lacks " + column + " for " + f);
          if (!nullableIn(f)) {
            assertFalse(columns.get(column), table + "." + column + " must be NOT NULL for " + f);
          }
        }
      }
    }
  }

  @Test
  void aDatabaseOfTheHandWrittenMigratorUpgradesInPlaceKeepingItsRows() throws Exception {
    Map<String, List<String>> fresh;
    try (Connection c = emptyDatabase()) {
      HistorySchema.migrate(c);
      fresh = catalog(c);
    }
    try (Connection c = emptyDatabase()) {
      execute(c, fixture());
      try (Statement s = c.createStatement()) {
        s.executeUpdate(
            "INSERT INTO SYNGEN_RUN (id, status, seed, scenario_name, created_at)"
                + " VALUES ('run-before', 'success', 42, 'shop', 1700000000000)");
        s.executeUpdate(
            "INSERT INTO SYNGEN_RUN_LOG (run_id, log_level, logged_at, message_text)"
                + " VALUES ('run-before', 'INFO', 1700000000001, 'written before the upgrade')");
      }

      HistorySchema.migrate(c);

      assertEquals(
          "shop", single(c, "SELECT scenario_name FROM SYNGEN_RUN WHERE id = 'run-before'"));
      assertEquals(
          "written before the upgrade",
          single(c, "SELECT message_text FROM SYNGEN_RUN_LOG WHERE run_id = 'run-before'"));
      assertEquals(
          "MARK_RAN", single(c, exectype("V1")), "V1 is recorded as already there, not run again");
      assertEquals("EXECUTED", single(c, exectype("V2")), "later versions apply to it");
      assertEquals("EXECUTED", single(c, exectype("V3")), "later versions apply to it");
      assertEquals("EXECUTED", single(c, exectype("V4")), "later versions apply to it");
      assertEquals("EXECUTED", single(c, exectype("V5")), "later versions apply to it");
      assertEquals("EXECUTED", single(c, exectype("V6")), "later versions apply to it");
      assertEquals("EXECUTED", single(c, exectype("V7")), "later versions apply to it");
      assertEquals("EXECUTED", single(c, exectype("V8")), "later versions apply to it");
      assertEquals(fresh, catalog(c), "the upgraded schema is the one the migrations create");
      try (Statement s = c.createStatement()) {
        s.executeUpdate(
            "INSERT INTO SYNGEN_RUN_LOG (run_id, log_level, logged_at, message_text)"
                + " VALUES ('run-before', 'INFO', 1700000000002, 'written after the upgrade')");
      }
    }
  }

  @Test
  void migratingAnUpToDateDatabaseChangesNothing() throws Exception {
    try (Connection c = emptyDatabase()) {
      HistorySchema.migrate(c);
      Map<String, List<String>> once = catalog(c);
      HistorySchema.migrate(c);
      assertEquals(once, catalog(c));
      assertEquals("EXECUTED", single(c, exectype("V1")));
      assertEquals("EXECUTED", single(c, exectype("V2")));
      assertEquals("EXECUTED", single(c, exectype("V3")));
      assertEquals("EXECUTED", single(c, exectype("V4")));
      assertEquals("EXECUTED", single(c, exectype("V5")));
      assertEquals("EXECUTED", single(c, exectype("V6")));
      assertEquals("EXECUTED", single(c, exectype("V7")));
      assertEquals("EXECUTED", single(c, exectype("V8")));
    }
  }

  @Test
  void theClusterMemberTableKeepsOneRowPerServerFoundByItsLastHeartbeat() throws Exception {
    try (Connection c = emptyDatabase()) {
      HistorySchema.migrate(c);
      List<String> facts = catalog(c).get("SYNGEN_CLUSTER_MEMBER");
      assertTrue(facts != null, "no SYNGEN_CLUSTER_MEMBER");
      assertTrue(facts.contains("index on seen_at"), "members are listed by seen_at: " + facts);
      String insert =
          "INSERT INTO SYNGEN_CLUSTER_MEMBER (server_name, member_role, started_at, seen_at,"
              + " heartbeat_seconds, chunks_running, chunks_written, rows_written,"
              + " previous_seen_at, previous_rows_written)"
              + " VALUES ('ex1@host', 'executor', 1, 2, 5, 0, 0, 0, 1, 0)";
      try (Statement s = c.createStatement()) {
        s.executeUpdate(insert);
        assertThrows(SQLException.class, () -> s.executeUpdate(insert), "a second row of ex1");
      }
    }
  }

  /** How the changelog table records the changeset of version {@code v} (one per database kind). */
  private static String exectype(String v) {
    return "SELECT exectype FROM " + HistorySchema.CHANGELOG_TABLE + " WHERE id LIKE '" + v + "-%'";
  }

  private String fixture() throws IOException {
    String name = "/history-before-migrations/" + kind() + ".sql";
    try (InputStream in = HistorySchemaContract.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void execute(Connection c, String script) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : script.replaceAll("(?m)^--.*$", "").split(";")) {
        if (!sql.isBlank()) {
          s.execute(sql);
        }
      }
    }
  }

  private static String single(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      assertTrue(rs.next(), "no row for " + sql);
      String value = rs.getString(1);
      assertFalse(rs.next(), "more than one row for " + sql);
      return value;
    }
  }

  /** syngen's tables (not Liquibase's or the batch job store's SYNGEN_JBATCH_ ones), upper case. */
  private static Set<String> syngenTables(Connection c) throws SQLException {
    Set<String> names = new TreeSet<>();
    try (ResultSet rs =
        c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME").toUpperCase(Locale.ROOT);
        if (name.startsWith("SYNGEN_")) {
          names.add(name);
        }
      }
    }
    return names;
  }

  /** Per table: each column with type, size and nullability, then each index with its columns. */
  private static Map<String, List<String>> catalog(Connection c) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    Map<String, List<String>> catalog = new TreeMap<>();
    for (String table : syngenTables(c)) {
      String stored = stored(md, table);
      List<String> facts = new ArrayList<>();
      try (ResultSet rs = md.getColumns(null, c.getSchema(), stored, "%")) {
        while (rs.next()) {
          facts.add(
              rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)
                  + " "
                  + rs.getString("TYPE_NAME")
                  + "("
                  + rs.getInt("COLUMN_SIZE")
                  + ") "
                  + rs.getString("IS_NULLABLE")
                  + " "
                  + rs.getString("IS_AUTOINCREMENT"));
        }
      }
      try (ResultSet rs = md.getIndexInfo(null, c.getSchema(), stored, false, false)) {
        while (rs.next()) {
          if (rs.getString("COLUMN_NAME") != null) {
            facts.add(
                "index on "
                    + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)
                    + (rs.getBoolean("NON_UNIQUE") ? "" : " unique"));
          }
        }
      }
      facts.sort(null);
      catalog.put(table, facts);
    }
    return catalog;
  }

  /** Per table (upper case): column name (lower case) to whether it accepts NULL. */
  private static Map<String, Map<String, Boolean>> nullability(Connection c) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    Map<String, Map<String, Boolean>> tables = new TreeMap<>();
    for (String table : syngenTables(c)) {
      Map<String, Boolean> columns = new TreeMap<>();
      try (ResultSet rs = md.getColumns(null, c.getSchema(), stored(md, table), "%")) {
        while (rs.next()) {
          columns.put(
              rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
              rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls);
        }
      }
      tables.put(table, columns);
    }
    return tables;
  }

  /** How the catalogue stores an unquoted table name. */
  private static String stored(DatabaseMetaData md, String table) throws SQLException {
    return md.storesLowerCaseIdentifiers() ? table.toLowerCase(Locale.ROOT) : table;
  }

  /** The entity classes persistence.xml lists (its converters left out). */
  private static List<Class<?>> entities() throws Exception {
    String xml;
    try (InputStream in =
        HistorySchemaContract.class.getResourceAsStream("/META-INF/persistence.xml")) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<Class<?>> entities = new ArrayList<>();
    Matcher m = Pattern.compile("<class>([^<]+)</class>").matcher(xml);
    while (m.find()) {
      Class<?> type = Class.forName(m.group(1).trim());
      if (type.isAnnotationPresent(Table.class)) {
        entities.add(type);
      }
    }
    assertFalse(entities.isEmpty(), "persistence.xml lists no entities");
    return entities;
  }

  private static List<Field> persistentFields(Class<?> entity) {
    List<Field> fields = new ArrayList<>();
    for (Field f : entity.getDeclaredFields()) {
      int mod = f.getModifiers();
      if (!Modifier.isStatic(mod)
          && !Modifier.isTransient(mod)
          && !f.isAnnotationPresent(OneToMany.class)) {
        fields.add(f);
      }
    }
    return fields;
  }

  private static String columnOf(Field f) {
    Column column = f.getAnnotation(Column.class);
    JoinColumn join = f.getAnnotation(JoinColumn.class);
    String name =
        column != null && !column.name().isEmpty()
            ? column.name()
            : join != null && !join.name().isEmpty() ? join.name() : f.getName();
    return name.toLowerCase(Locale.ROOT);
  }

  private static boolean nullableIn(Field f) {
    Column column = f.getAnnotation(Column.class);
    JoinColumn join = f.getAnnotation(JoinColumn.class);
    return !f.isAnnotationPresent(Id.class)
        && (column == null || column.nullable())
        && (join == null || join.nullable());
  }
}
