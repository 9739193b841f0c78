package dev.syngen.core.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The column types a scenario may declare, with the kind of value the engine stores for each. */
public enum ColumnType {
  INT(ValueKind.LONG),
  BIGINT(ValueKind.LONG),
  FLOAT(ValueKind.DOUBLE),
  DOUBLE(ValueKind.DOUBLE),
  STRING(ValueKind.STRING),
  TEXT(ValueKind.STRING),
  BOOL(ValueKind.BOOL),
  TIMESTAMP(ValueKind.TIMESTAMP),
  DATE(ValueKind.DATE),
  UUID(ValueKind.UUID),
  /** A JSON document kept as text: written unquoted into JSON records, as json in PostgreSQL. */
  JSON(ValueKind.STRING);

  private final ValueKind kind;

  ColumnType(ValueKind kind) {
    this.kind = kind;
  }

  public ValueKind kind() {
    return kind;
  }

  public String yamlName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<ColumnType> parse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    String n = s.trim().toLowerCase(Locale.ROOT);
    switch (n) {
      case "integer":
        return Optional.of(INT);
      case "boolean":
        return Optional.of(BOOL);
      default:
        return Arrays.stream(values()).filter(t -> t.yamlName().equals(n)).findFirst();
    }
  }

  public static String allNames() {
    return Arrays.stream(values()).map(ColumnType::yamlName).collect(Collectors.joining(", "));
  }
}
