package dev.syngen.core.scenario;

/**
 * How a value is held in a row batch. LONG, BOOL (0/1), TIMESTAMP (epoch milliseconds, UTC), DATE
 * (epoch day) and the high half of a UUID live in {@code long} arrays; DOUBLE in {@code double}
 * arrays; STRING in object arrays.
 */
public enum ValueKind {
  LONG,
  DOUBLE,
  BOOL,
  TIMESTAMP,
  DATE,
  UUID,
  STRING
}
