package dev.syngen.io.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.schema.DbSchema;
import dev.syngen.core.schema.DbSchema.DbCheck;
import dev.syngen.core.schema.DbSchema.DbColumn;
import dev.syngen.core.schema.DbSchema.DbForeignKey;
import dev.syngen.core.schema.DbSchema.DbTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code from-db} reads from a real MariaDB 10.11 catalogue: types with length and precision,
 * NOT NULL, defaults, AUTO_INCREMENT, composite primary and unique keys, composite and
 * self-referencing foreign keys, CHECK ranges and IN lists, ENUM labels; and the copy's DDL, run on
 * the same server, reads back as the same catalogue (defaults aside, which the copy leaves out).
 */
class MariaDbCatalogTest {
  static final String DSN = "mariadb://root@" + MariaDbSinkTest.HOST + "/test";
  static String db;

  @BeforeAll
  static void create() throws SQLException {
    byte[] b = new byte[3];
    ThreadLocalRandom.current().nextBytes(b);
    db = "catalog_it_maria_" + HexFormat.of().formatHex(b);
    try (Connection c = JdbcUrls.mariadb(DSN).connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db);
      s.execute(
          "CREATE TABLE "
              + db
              + ".parent (a int NOT NULL, b varchar(8) NOT NULL, PRIMARY KEY (a, b))");
      s.execute(
          "CREATE TABLE "
              + db
              + ".item (id bigint AUTO_INCREMENT PRIMARY KEY, code char(6) NOT NULL,"
              + " qty smallint NOT NULL DEFAULT 1 CHECK (qty BETWEEN 1 AND 50),"
              + " price decimal(12,3) CHECK (price > 0 AND price <= 999.5),"
              + " kind enum('a','b','it''s') NOT NULL DEFAULT 'a', note text, pa int,"
              + " pb varchar(8), up bigint, flag tinyint(1) NOT NULL DEFAULT 0,"
              + " colour varchar(10) CHECK (colour IN ('red','green')), spot point,"
              + " UNIQUE (code, kind), CONSTRAINT fk_parent FOREIGN KEY (pa, pb)"
              + " REFERENCES parent (a, b), CONSTRAINT fk_up FOREIGN KEY (up) REFERENCES item (id))");
      s.execute("INSERT INTO " + db + ".parent VALUES (1, 'x'), (2, 'y')");
      s.execute("INSERT INTO " + db + ".item (code, pa, pb) VALUES ('AAA001', 1, 'x')");
    }
  }

  @AfterAll
  static void drop() throws SQLException {
    try (Connection c = JdbcUrls.mariadb(DSN).connect();
        Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + db);
      s.execute("DROP DATABASE IF EXISTS " + db + "_copy");
    }
  }

  private static DbSchema read(String database) {
    try (SchemaReader r = SchemaReader.open("mysql", DSN, database)) {
      return r.read(List.of(), List.of());
    }
  }

  private static DbColumn column(DbTable t, String name) {
    return t.column(name).orElseThrow(() -> new AssertionError("no column " + name));
  }

  @Test
  void theCatalogueIsReadWithEveryKeyConstraintAndType() {
    DbSchema schema = read(db);
    assertEquals("mariadb", schema.dialect());
    DbTable parent = schema.table("parent").orElseThrow();
    assertEquals(List.of("a", "b"), parent.primaryKey());
    assertEquals(2, parent.rows());
    DbTable item = schema.table("item").orElseThrow();
    assertEquals(1, item.rows());

    DbColumn id = column(item, "id");
    assertTrue(id.identity(), "AUTO_INCREMENT is an identity");
    assertEquals(Optional.of(ColumnType.BIGINT), id.type());
    assertEquals(List.of("id"), item.primaryKey());
    DbColumn code = column(item, "code");
    assertEquals("char(6)", code.declared());
    assertEquals(6, code.length());
    assertTrue(code.notNull());
    DbColumn price = column(item, "price");
    assertEquals("decimal(12,3)", price.declared());
    assertEquals(3, price.scale());
    assertEquals(Optional.of(ColumnType.DOUBLE), price.type());
    assertFalse(price.notNull());
    DbColumn qty = column(item, "qty");
    assertEquals("1", qty.defaultValue());
    assertEquals(Optional.of(ColumnType.INT), qty.type());
    DbColumn kind = column(item, "kind");
    assertEquals(List.of("a", "b", "it's"), kind.enumValues());
    assertEquals("'a'", kind.defaultValue());
    assertEquals(Optional.of(ColumnType.BOOL), column(item, "flag").type());
    assertEquals(Optional.of(ColumnType.TEXT), column(item, "note").type());
    assertEquals(Optional.empty(), column(item, "spot").type(), "point has no scenario type");
    assertEquals(null, column(item, "note").defaultValue());

    assertEquals(List.of(List.of("code", "kind")), item.uniques());
    DbForeignKey composite =
        item.foreignKeys().stream().filter(f -> f.name().equals("fk_parent")).findFirst().get();
    assertEquals(List.of("pa", "pb"), composite.columns());
    assertEquals("parent", composite.parent());
    assertEquals(List.of("a", "b"), composite.parentColumns());
    DbForeignKey self =
        item.foreignKeys().stream().filter(f -> f.name().equals("fk_up")).findFirst().get();
    assertEquals("item", self.parent());

    DbCheck q = check(item, "qty");
    assertEquals(1.0, q.min());
    assertEquals(50.0, q.max());
    assertFalse(q.minExclusive() || q.maxExclusive());
    DbCheck p = check(item, "price");
    assertEquals(0.0, p.min());
    assertTrue(p.minExclusive());
    assertEquals(999.5, p.max());
    assertFalse(p.maxExclusive());
    assertEquals(List.of("red", "green"), check(item, "colour").values());
    assertTrue(q.text().contains("`qty`"), "identifiers backquoted: " + q.text());
  }

  private static DbCheck check(DbTable t, String column) {
    return t.checks().stream()
        .filter(c -> column.equals(c.column()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no simple CHECK on " + column + ": " + t.checks()));
  }

  @Test
  void theCopysDdlReadsBackAsTheSameCatalogue() throws SQLException {
    DbSchema original = read(db);
    try (Connection c = JdbcUrls.mariadb(DSN).connect();
        Statement s = c.createStatement()) {
      for (String stmt : CopyDdl.statements(original, db + "_copy", false)) {
        s.execute(stmt);
      }
    }
    DbSchema copy = read(db + "_copy");
    for (DbTable t : original.tables()) {
      DbTable u = copy.table(t.name()).orElseThrow();
      assertEquals(t.primaryKey(), u.primaryKey(), t.name());
      assertEquals(t.uniques(), u.uniques(), t.name());
      assertEquals(t.foreignKeys(), u.foreignKeys(), t.name());
      assertEquals(t.checks(), u.checks(), t.name());
      for (DbColumn col : t.columns()) {
        DbColumn v = column(u, col.name());
        assertEquals(col.declared(), v.declared(), col.name());
        assertEquals(col.notNull(), v.notNull(), col.name());
        assertEquals(col.identity(), v.identity(), col.name());
        assertEquals(col.enumValues(), v.enumValues(), col.name());
      }
    }
  }
}
