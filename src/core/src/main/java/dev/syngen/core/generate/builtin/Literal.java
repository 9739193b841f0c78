package dev.syngen.core.generate.builtin;

import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.Instants;
import dev.syngen.core.scenario.ValueKind;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** A scenario literal converted once to the column's storage kind (see {@link ValueKind}). */
record Literal(long bits, long lowBits, double real, String text) {

  /** Parses {@code raw} for a column of {@code type}; returns null if it does not fit. */
  static Literal parse(Object raw, ColumnType type) {
    if (raw == null) {
      return null;
    }
    String s = String.valueOf(raw).trim();
    try {
      switch (type.kind()) {
        case LONG:
          if (raw instanceof Number n && n.doubleValue() != Math.rint(n.doubleValue())) {
            return null;
          }
          long l = raw instanceof Number n ? n.longValue() : Long.parseLong(s);
          if (type == ColumnType.INT && (int) l != l) {
            return null;
          }
          return new Literal(l, 0, 0, null);
        case DOUBLE:
          return new Literal(
              0, 0, raw instanceof Number n ? n.doubleValue() : Double.parseDouble(s), null);
        case BOOL:
          if (raw instanceof Boolean b) {
            return new Literal(b ? 1 : 0, 0, 0, null);
          }
          return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> new Literal(1, 0, 0, null);
            case "false", "0", "no" -> new Literal(0, 0, 0, null);
            default -> null;
          };
        case TIMESTAMP:
          return new Literal(Instants.parse(s).toEpochMilli(), 0, 0, null);
        case DATE:
          return new Literal(LocalDate.parse(s).toEpochDay(), 0, 0, null);
        case UUID:
          UUID u = UUID.fromString(s);
          return new Literal(u.getMostSignificantBits(), u.getLeastSignificantBits(), 0, null);
        case STRING:
          return new Literal(0, 0, 0, String.valueOf(raw));
        default:
          return null;
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      return null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String expected(ColumnType type) {
    return switch (type.kind()) {
      case LONG -> type == ColumnType.INT ? "a 32-bit whole number" : "a whole number";
      case DOUBLE -> "a number";
      case BOOL -> "true or false";
      case TIMESTAMP -> "an ISO-8601 instant such as 2026-01-01T00:00:00Z";
      case DATE -> "an ISO date such as 2026-01-01";
      case UUID -> "a UUID such as 123e4567-e89b-42d3-a456-426614174000";
      case STRING -> "a string";
    };
  }
}
