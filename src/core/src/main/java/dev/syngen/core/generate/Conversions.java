package dev.syngen.core.generate;

import dev.syngen.core.engine.ValueFormat;
import dev.syngen.core.scenario.ValueKind;

/**
 * Adapts a generator to the storage kind of the column it fills, where the conversion is lossless
 * and unsurprising (a whole number into a double or string column, a timestamp into a date column).
 * Returns null where a column type and a generator do not fit together.
 */
public final class Conversions {
  private Conversions() {}

  /** The generator an adapter wraps, or {@code g} itself. */
  public static Generator unwrap(Generator g) {
    if (g instanceof LongAsDouble a) {
      return a.g();
    }
    if (g instanceof TimestampAsDate a) {
      return a.g();
    }
    if (g instanceof DateAsTimestamp a) {
      return a.g();
    }
    return g instanceof AsString a ? a.g() : g;
  }

  public static Generator adapt(Generator g, ValueKind to) {
    ValueKind from = g.kind();
    if (from == to) {
      return g;
    }
    return switch (to) {
      case DOUBLE -> from == ValueKind.LONG ? new LongAsDouble(g) : null;
      case STRING -> new AsString(g);
      case DATE -> from == ValueKind.TIMESTAMP ? new TimestampAsDate(g) : null;
      case TIMESTAMP -> from == ValueKind.DATE ? new DateAsTimestamp(g) : null;
      default -> null;
    };
  }

  private record LongAsDouble(Generator g) implements Generator {
    @Override
    public ValueKind kind() {
      return ValueKind.DOUBLE;
    }

    @Override
    public double doubleAt(long key, long row) {
      return g.longAt(key, row);
    }
  }

  private record TimestampAsDate(Generator g) implements Generator {
    @Override
    public ValueKind kind() {
      return ValueKind.DATE;
    }

    @Override
    public long longAt(long key, long row) {
      return Math.floorDiv(g.longAt(key, row), 86_400_000L);
    }
  }

  private record DateAsTimestamp(Generator g) implements Generator {
    @Override
    public ValueKind kind() {
      return ValueKind.TIMESTAMP;
    }

    @Override
    public long longAt(long key, long row) {
      return g.longAt(key, row) * 86_400_000L;
    }
  }

  private record AsString(Generator g) implements Generator {
    @Override
    public ValueKind kind() {
      return ValueKind.STRING;
    }

    @Override
    public boolean plainText() {
      return g.kind() != ValueKind.STRING || g.plainText(); // numbers, times, UUIDs: no commas
    }

    @Override
    public String stringAt(long key, long row) {
      return switch (g.kind()) {
        case LONG -> Long.toString(g.longAt(key, row));
        case DOUBLE -> Double.toString(g.doubleAt(key, row));
        case BOOL -> g.longAt(key, row) != 0 ? "true" : "false";
        case TIMESTAMP -> ValueFormat.timestamp(g.longAt(key, row));
        case DATE -> ValueFormat.date(g.longAt(key, row));
        case UUID -> ValueFormat.uuid(g.longAt(key, row), g.uuidLowAt(key, row));
        case STRING -> g.stringAt(key, row);
      };
    }
  }
}
