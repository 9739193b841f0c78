package dev.syngen.core.generate.expr;

import java.util.Locale;

/** The static type of an expression node. Timestamps are epoch milliseconds, dates epoch days. */
public enum Type {
  LONG,
  DOUBLE,
  BOOL,
  STRING,
  TIMESTAMP,
  DATE;

  boolean numeric() {
    return this == LONG || this == DOUBLE;
  }

  String label() {
    return switch (this) {
      case LONG -> "whole number";
      case DOUBLE -> "number";
      default -> name().toLowerCase(Locale.ROOT);
    };
  }
}
