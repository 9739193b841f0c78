package dev.syngen.core.profile;

import dev.syngen.core.scenario.Instants;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Infers what a column's text values are: the narrowest type every non-NULL value fits. */
final class ValueTypes {
  private static final Pattern INT = Pattern.compile("[+-]?\\d{1,18}");
  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** Booleans as the targets write them. */
  private static final Set<String> BOOL = Set.of("true", "false", "t", "f");

  private ValueTypes() {}

  static String infer(List<String> values) {
    if (values.isEmpty()) {
      return "string";
    }
    if (all(values, v -> INT.matcher(v.trim()).matches())) {
      return "int";
    }
    if (all(values, ValueTypes::isDouble)) {
      return "double";
    }
    if (all(values, v -> BOOL.contains(v.trim().toLowerCase(Locale.ROOT)))) {
      return "bool";
    }
    if (all(values, v -> UUID.matcher(v.trim()).matches())) {
      return "uuid";
    }
    if (all(values, ValueTypes::isDate)) {
      return "date";
    }
    if (all(values, ValueTypes::isInstant)) {
      return "timestamp";
    }
    return "string";
  }

  private static boolean all(List<String> values, java.util.function.Predicate<String> p) {
    for (String v : values) {
      if (!p.test(v)) {
        return false;
      }
    }
    return true;
  }

  static boolean isDouble(String v) {
    try {
      return Double.isFinite(Double.parseDouble(v.trim()));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isDate(String v) {
    try {
      LocalDate.parse(v.trim());
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean isInstant(String v) {
    if (v.length() < 16 || !Character.isDigit(v.charAt(0))) {
      return false;
    }
    try {
      Instants.parse(v);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** A value as a number: itself, epoch milliseconds for timestamps, epoch days for dates. */
  static double number(String type, String v) {
    return switch (type) {
      case "timestamp" -> Instants.parse(v).toEpochMilli();
      case "date" -> LocalDate.parse(v.trim()).toEpochDay();
      case "bool" -> v.trim().toLowerCase(Locale.ROOT).startsWith("t") ? 1 : 0;
      default -> Double.parseDouble(v.trim());
    };
  }
}
