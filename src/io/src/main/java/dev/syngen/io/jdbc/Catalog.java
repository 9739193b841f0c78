package dev.syngen.io.jdbc;

import dev.syngen.core.schema.DbSchema.DbTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Reads one database's catalogue: which tables a schema has, and each table's definition. */
interface Catalog {
  List<String> tables(Connection c, String schema) throws SQLException;

  DbTable table(Connection c, String schema, String table, RowCounter rows) throws SQLException;

  /** A table's row count: exact, or the catalogue's estimate when counting takes too long. */
  interface RowCounter {
    Rows count(String table, long estimate) throws SQLException;
  }

  record Rows(long rows, boolean estimated) {}
}
