package dev.syngen.core.problem;

import dev.syngen.core.scenario.Instants;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Typed reads of a parsed tree — maps, lists and scalars as JSON, YAML, form fields or command-line
 * options give them — with every wrong value recorded as a problem with its path and fix. A number
 * may arrive as a number or as its text (a form field, a flag): both read the same and fail with
 * the same message. Reads return null instead of throwing, so that reading goes on and every
 * problem is reported together.
 */
public final class TreeReader {
  /** An id of a stored scenario or target: 1-64 letters, digits, '_' and '-'. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,63}");

  private final Problems problems;

  public TreeReader(Problems problems) {
    this.problems = problems;
  }

  public void add(String path, String message, String fix) {
    problems.add(path, message, fix);
  }

  /** The entries of a mapping with text keys; a problem (and null) for anything else. */
  public Map<String, Object> object(Object v, String path, String message, String fix) {
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, x) -> out.put(String.valueOf(k), x));
      return out;
    }
    if (v != null) {
      problems.add(path, message, fix);
    }
    return null;
  }

  /** Each key of {@code m} outside {@code known} is a problem at {@code prefix + key}. */
  public void onlyKeys(Map<String, ?> m, Collection<String> known, String prefix) {
    for (String k : m.keySet()) {
      if (!known.contains(k)) {
        problems.add(
            prefix + k, "unknown field '" + k + "'", "use only: " + String.join(", ", known));
      }
    }
  }

  public String text(Object v, String path) {
    if (v == null || v instanceof String) {
      return v == null ? null : ((String) v).strip();
    }
    problems.add(path, "must be a string", "write it in quotes");
    return null;
  }

  /** Text or a number as text (a rate of 1000, a size of 512). */
  public String scalar(Object v, String path, String example) {
    if (v == null || v instanceof String || v instanceof Number) {
      return v == null ? null : String.valueOf(v).strip();
    }
    problems.add(path, "must be a string", "write it in quotes, e.g. \"" + example + "\"");
    return null;
  }

  /** An id of something stored (a scenario, a target). */
  public String id(Object v, String path) {
    String s = text(v, path);
    if (s != null && !ID.matcher(s).matches()) {
      problems.add(path, "'" + s + "' is not a valid id", "use 1-64 letters, digits, '_' and '-'");
      return null;
    }
    return s;
  }

  public Long whole(Object v, String path) {
    if (v == null) {
      return null;
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    try {
      BigDecimal d = v instanceof String s ? new BigDecimal(s.strip()) : decimal(v);
      if (d != null && d.stripTrailingZeros().scale() <= 0) {
        BigInteger n = d.toBigIntegerExact();
        if (n.bitLength() < 64) {
          return n.longValue();
        }
        problems.add(path, "'" + text(v) + "' is out of the 64-bit range", WHOLE_FIX);
        return null;
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // reported below
    }
    problems.add(path, "'" + text(v) + "' is not a whole number", WHOLE_FIX);
    return null;
  }

  private static final String WHOLE_FIX = "write a whole number, e.g. 42";

  public Double number(Object v, String path) {
    if (v == null) {
      return null;
    }
    try {
      double d =
          v instanceof Number n
              ? n.doubleValue()
              : v instanceof String s ? Double.parseDouble(s.strip()) : Double.NaN;
      if (Double.isFinite(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(path, "'" + text(v) + "' is not a number", "write e.g. 0.5 or 2");
    return null;
  }

  /** An ISO-8601 instant, date-time or date (UTC) in the years 1 to 9999. */
  public Instant instant(Object v, String path) {
    if (v == null) {
      return null;
    }
    try {
      if (v instanceof String s) {
        return Instants.parse(s);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    problems.add(
        path,
        "'" + text(v) + "' is not an ISO-8601 instant in the years 1 to 9999",
        "write e.g. 2026-01-01T00:00:00Z");
    return null;
  }

  public boolean flag(Object v, String path) {
    if (v == null || Boolean.FALSE.equals(v) || "false".equals(v)) {
      return false;
    }
    if (Boolean.TRUE.equals(v) || "true".equals(v)) {
      return true;
    }
    problems.add(path, "'" + text(v) + "' is not true or false", "write true");
    return false;
  }

  /** A list of names ({@code [orders, users]}); each one that is not text is a problem. */
  public List<String> names(Object v, String path) {
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> l) {
      for (int i = 0; i < l.size(); i++) {
        if (l.get(i) instanceof String s && !s.isBlank()) {
          out.add(s.strip());
        } else {
          problems.add(path + "[" + i + "]", "must be an entity name", "write it in quotes");
        }
      }
    } else if (v != null) {
      problems.add(path, "must be a list of entity names", "write [\"orders\"]");
    }
    return out;
  }

  private static BigDecimal decimal(Object v) {
    if (v instanceof BigDecimal d) {
      return d;
    }
    if (v instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
      return BigDecimal.valueOf(n.doubleValue());
    }
    return null;
  }

  /** A value as the user wrote it, for a message; text is trimmed. */
  private static String text(Object v) {
    return v instanceof String s ? s.strip() : String.valueOf(v);
  }
}
