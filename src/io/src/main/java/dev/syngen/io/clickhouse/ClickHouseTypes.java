package dev.syngen.io.clickhouse;

import dev.syngen.core.scenario.ColumnType;
import dev.syngen.io.jdbc.TableCheck;
import java.util.Optional;

/**
 * ClickHouse column types: what syngen declares for each scenario type, which existing types take
 * its values unchanged, and how each goes over the wire in RowBinary.
 *
 * <p>Timestamps are {@code DateTime64(3, 'UTC')} on servers that have it (20.1+), else {@code
 * DateTime('UTC')}, which holds whole seconds: the milliseconds are dropped (rounded down).
 */
final class ClickHouseTypes {
  /** The RowBinary encodings this target writes. */
  enum Wire {
    INT32,
    INT64,
    FLOAT64,
    UINT8,
    STRING,
    DATETIME,
    DATETIME64,
    DATE,
    UUID
  }

  /** A column's encoding and whether the table's column is Nullable (a flag byte precedes it). */
  record ColumnWire(Wire wire, boolean nullable) {}

  private ClickHouseTypes() {}

  static TableCheck check(boolean dateTime64) {
    return new TableCheck(t -> base(t, dateTime64), (t, x) -> wire(t, x).isPresent(), false);
  }

  static String base(ColumnType t, boolean dateTime64) {
    return switch (t) {
      case INT -> "Int32";
      case BIGINT -> "Int64";
      case FLOAT, DOUBLE -> "Float64";
      case STRING, TEXT, JSON -> "String"; // 18.16 has no JSON type: the document as text
      case BOOL -> "UInt8";
      case TIMESTAMP -> dateTime64 ? "DateTime64(3, 'UTC')" : "DateTime('UTC')";
      case DATE -> "Date";
      case UUID -> "UUID";
    };
  }

  static String declared(ColumnType t, boolean nullable, boolean dateTime64) {
    String b = base(t, dateTime64);
    return nullable ? "Nullable(" + b + ")" : b;
  }

  static boolean nullable(String existingType) {
    return existingType.startsWith("Nullable(");
  }

  /** How values of {@code t} go into a column of {@code existingType}; empty when they cannot. */
  static Optional<Wire> wire(ColumnType t, String existingType) {
    String x = existingType;
    if (x.startsWith("Nullable(") && x.endsWith(")")) {
      x = x.substring("Nullable(".length(), x.length() - 1);
    }
    Wire w =
        switch (t) {
          case INT -> x.equals("Int32") ? Wire.INT32 : x.equals("Int64") ? Wire.INT64 : null;
          case BIGINT -> x.equals("Int64") ? Wire.INT64 : null;
          case FLOAT, DOUBLE -> x.equals("Float64") ? Wire.FLOAT64 : null;
          case STRING, TEXT, JSON -> x.equals("String") ? Wire.STRING : null;
          case BOOL -> x.equals("UInt8") ? Wire.UINT8 : null;
          case TIMESTAMP ->
              x.equals("DateTime") || x.startsWith("DateTime(")
                  ? Wire.DATETIME
                  : x.startsWith("DateTime64(3") ? Wire.DATETIME64 : null;
          case DATE -> x.equals("Date") ? Wire.DATE : null;
          case UUID -> x.equals("UUID") ? Wire.UUID : null;
        };
    return Optional.ofNullable(w);
  }
}
