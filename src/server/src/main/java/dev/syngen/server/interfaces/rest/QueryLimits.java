package dev.syngen.server.interfaces.rest;

import dev.syngen.server.application.error.ApiException;

/** Parses a {@code limit} query parameter: absent → the default, else 1 to {@code max}. */
final class QueryLimits {
  private QueryLimits() {}

  static int parse(String value, int dflt, int max) {
    if (value == null || value.isBlank()) {
      return dflt;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 1 && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below with the accepted range
    }
    throw new ApiException(
        400,
        "Bad Request",
        "limit must be a whole number from 1 to " + max + ", got '" + value + "'");
  }
}
