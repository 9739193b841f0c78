package dev.syngen.io.jdbc;

import dev.syngen.core.scenario.ColumnType;
import java.util.Locale;
import java.util.Set;

/**
 * MariaDB/MySQL column types: what syngen declares when it creates a table, and which existing
 * column types take syngen's values. Times are written as UTC {@code DATETIME(3)}, UUIDs as their
 * 36-character text (MySQL has no uuid type), flags as 0/1.
 */
final class MariaDbTypes {
  static final TableCheck CHECK = new TableCheck(MariaDbTypes::declared, MariaDbTypes::fits, true);

  private static final Set<String> WHOLE =
      Set.of("tinyint", "smallint", "mediumint", "int", "integer", "bigint", "year");
  private static final Set<String> REAL = Set.of("float", "double", "real", "decimal", "numeric");
  private static final Set<String> TEXT =
      Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set");

  private MariaDbTypes() {}

  static String declared(ColumnType t) {
    return switch (t) {
      case INT -> "INT";
      case BIGINT -> "BIGINT";
      case FLOAT, DOUBLE -> "DOUBLE";
        // TEXT, not VARCHAR(n): syngen cannot know the longest value, and keys are the DDL's job
      case STRING, TEXT -> "TEXT";
      case JSON -> "JSON";
      case BOOL -> "BOOLEAN";
      case TIMESTAMP -> "DATETIME(3)";
      case DATE -> "DATE";
      case UUID -> "CHAR(36)";
    };
  }

  /** Whether a column of {@code columnType} (as information_schema spells it) takes {@code t}. */
  static boolean fits(ColumnType t, String columnType) {
    String d = dataType(columnType);
    return switch (t.kind()) {
      case LONG -> WHOLE.contains(d) || REAL.contains(d);
      case BOOL -> WHOLE.contains(d) || d.equals("bit") || d.equals("boolean");
      case DOUBLE -> REAL.contains(d);
      case STRING -> TEXT.contains(d) || d.equals("json") || d.equals("uuid");
      case TIMESTAMP -> d.equals("datetime") || d.equals("timestamp");
      case DATE -> d.equals("date");
      case UUID -> d.equals("uuid") || d.equals("char") || d.equals("varchar");
    };
  }

  /** {@code decimal(10,2) unsigned} → {@code decimal}. */
  static String dataType(String columnType) {
    String s = columnType == null ? "" : columnType.trim().toLowerCase(Locale.ROOT);
    int end = 0;
    while (end < s.length() && Character.isLetter(s.charAt(end))) {
      end++;
    }
    return s.substring(0, end);
  }
}
