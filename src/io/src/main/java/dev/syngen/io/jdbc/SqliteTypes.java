package dev.syngen.io.jdbc;

import dev.syngen.core.scenario.ColumnType;
import java.util.Locale;

/**
 * SQLite column types: what syngen declares, and which declared types (by SQLite's affinity rules)
 * keep syngen's values unchanged. Times, dates and UUIDs are ISO-8601 / canonical TEXT.
 */
final class SqliteTypes {
  static final TableCheck CHECK = new TableCheck(SqliteTypes::declared, SqliteTypes::fits, true);

  private enum Affinity {
    INTEGER,
    TEXT,
    BLOB,
    REAL,
    NUMERIC
  }

  private SqliteTypes() {}

  static String declared(ColumnType t) {
    return switch (t.kind()) {
      case LONG, BOOL -> "INTEGER";
      case DOUBLE -> "REAL";
      case STRING, TIMESTAMP, DATE, UUID -> "TEXT";
    };
  }

  /** Whether a column declared {@code declaredType} stores values of {@code t} as written. */
  static boolean fits(ColumnType t, String declaredType) {
    Affinity a = affinity(declaredType);
    return switch (t.kind()) {
      case LONG, BOOL -> a == Affinity.INTEGER || a == Affinity.NUMERIC || a == Affinity.BLOB;
      case DOUBLE -> a == Affinity.REAL || a == Affinity.NUMERIC || a == Affinity.BLOB;
      case STRING -> a == Affinity.TEXT || a == Affinity.BLOB;
        // ISO-8601 times and dates and canonical UUIDs never read as numbers, so NUMERIC
        // affinity (DATETIME, DATE, UUID …) keeps them as text
      case TIMESTAMP, DATE, UUID ->
          a == Affinity.TEXT || a == Affinity.BLOB || a == Affinity.NUMERIC;
    };
  }

  /** SQLite's rules (section 3.1 of "Datatypes In SQLite"), applied in their order. */
  private static Affinity affinity(String declaredType) {
    String d = declaredType == null ? "" : declaredType.toUpperCase(Locale.ROOT);
    if (d.contains("INT")) {
      return Affinity.INTEGER;
    }
    if (d.contains("CHAR") || d.contains("CLOB") || d.contains("TEXT")) {
      return Affinity.TEXT;
    }
    if (d.contains("BLOB") || d.isBlank()) {
      return Affinity.BLOB;
    }
    if (d.contains("REAL") || d.contains("FLOA") || d.contains("DOUB")) {
      return Affinity.REAL;
    }
    return Affinity.NUMERIC;
  }
}
