package dev.syngen.core.scenario;

import static dev.syngen.core.scenario.JsonSchemaMapper.generator;

import dev.syngen.core.scenario.JsonSchemaMapper.Mapped;
import dev.syngen.core.text.Regex;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scalar half of {@link JsonSchemaMapper}: enums and consts, strings (formats, patterns,
 * lengths, and realistic text for well-known property names), integers and numbers (bounds,
 * exclusive bounds, int32/int64).
 */
final class JsonSchemaValues {
  /** Reports a problem at a JSON pointer of the schema. */
  interface Reporter {
    void problem(String pointer, String message, String fix);
  }

  /** Fixed-shape formats: generator, column type, shortest and longest value. */
  private record Format(String type, Map<String, Object> generator, int min, int max) {}

  private static final String URI =
      "https://(www\\.)?[a-z]{3,12}\\.(com|org|net|io|dev)(/[a-z0-9-]{1,12}){0,3}";

  /** Addresses of plain shape, drawn per cell without a dictionary (faker_email is slower). */
  private static final String EMAIL =
      "[a-z]{2,10}(\\.[a-z]{2,10})?[0-9]{0,2}@(example|mail|inbox|post|corp)\\.(com|net|org|io)";

  /** A North American number plan shape; Datafaker's phone numbers are much slower to draw. */
  private static final String PHONE = "regex:\\+1-[2-9][0-9]{2}-[2-9][0-9]{2}-[0-9]{4}";

  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  private static final Map<String, Format> FORMATS =
      Map.of(
          "date-time",
          new Format(
              "timestamp",
              generator("timestamp_between", GeneratorSpec.params("start", "-730d", "end", "0d")),
              24,
              24),
          "date",
          new Format(
              "date",
              generator("date_between", GeneratorSpec.params("start", "-3650d", "end", "0d")),
              10,
              10),
          "uuid",
          new Format("uuid", generator("uuid4", Map.of()), 36, 36),
          "email",
          new Format("string", regex(EMAIL), 8, 44),
          "uri",
          new Format("string", regex(URI), 12, 64),
          "uri-reference",
          new Format("string", regex(URI), 12, 64),
          "ipv4",
          new Format("string", regex(OCTET + "(\\." + OCTET + "){3}"), 7, 15),
          "hostname",
          new Format("string", regex("[a-z]{3,12}(\\.[a-z]{2,10})?\\.(com|org|net|io)"), 6, 40),
          "time",
          new Format("string", regex("([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]Z"), 9, 9));

  /** Realistic text for string properties of well-known names (compared without _ and -). */
  private static final Map<String, String> NAMED =
      Map.ofEntries(
          Map.entry("firstname", "faker_first_name"),
          Map.entry("givenname", "faker_first_name"),
          Map.entry("lastname", "faker_last_name"),
          Map.entry("familyname", "faker_last_name"),
          Map.entry("surname", "faker_last_name"),
          Map.entry("fullname", "faker_name"),
          Map.entry("email", "regex:" + EMAIL),
          Map.entry("phone", PHONE),
          Map.entry("phonenumber", PHONE),
          Map.entry("telephone", PHONE),
          Map.entry("city", "faker_city"),
          Map.entry("country", "faker_country"),
          Map.entry("street", "faker_street_address"),
          Map.entry("streetaddress", "faker_street_address"),
          Map.entry("addressline1", "faker_street_address"),
          Map.entry("company", "faker_company"),
          Map.entry("companyname", "faker_company"),
          Map.entry("username", "faker_username"),
          Map.entry("description", "faker_sentence"),
          Map.entry("comment", "faker_sentence"),
          Map.entry("summary", "faker_sentence"));

  private JsonSchemaValues() {}

  static Mapped enumeration(
      Map<String, Object> node, String pointer, Reporter r, boolean nullable) {
    List<?> values;
    String where = node.containsKey("const") ? "/const" : "/enum";
    if (node.containsKey("const")) {
      values = java.util.Collections.singletonList(node.get("const"));
    } else if (node.get("enum") instanceof List<?> l && !l.isEmpty()) {
      values = l;
    } else {
      r.problem(pointer + "/enum", "must be a non-empty list", "list the allowed values");
      return null;
    }
    List<Object> kept = new ArrayList<>();
    Object type = node.get("type");
    for (Object v : values) {
      if (type == null || fits(v, type)) {
        kept.add(v);
      }
    }
    if (kept.isEmpty()) {
      r.problem(
          pointer + where,
          "no value is of type " + type,
          "make the values agree with the type, or remove the type");
      return null;
    }
    long bytes = kept.stream().mapToLong(v -> json(v).length()).max().orElse(4);
    if (kept.stream().allMatch(v -> v instanceof String)) {
      return choice("string", kept, nullable, bytes + 2);
    }
    if (kept.stream().allMatch(JsonSchemaValues::isWhole)) {
      return choice(
          "bigint",
          kept.stream().map(v -> (Object) ((Number) v).longValue()).toList(),
          nullable,
          bytes);
    }
    if (kept.stream().allMatch(v -> v instanceof Boolean)) {
      return choice("bool", kept, nullable, bytes);
    }
    // mixed kinds, reals, null, objects, arrays: each value kept as its JSON text
    return choice("json", kept.stream().map(v -> (Object) json(v)).toList(), nullable, bytes);
  }

  private static Mapped choice(String type, List<Object> values, boolean nullable, long bytes) {
    Map<String, Object> g =
        values.size() == 1
            ? generator("const", Map.of("value", values.get(0)))
            : generator("choice", Map.of("values", values));
    return new Mapped(type, g, nullable, bytes);
  }

  private static boolean fits(Object v, Object type) {
    List<?> types = type instanceof List<?> l ? l : List.of(type);
    for (Object t : types) {
      boolean ok =
          switch (String.valueOf(t)) {
            case "string" -> v instanceof String;
            case "integer" -> isWhole(v);
            case "number" -> v instanceof Number;
            case "boolean" -> v instanceof Boolean;
            case "null" -> v == null;
            case "object" -> v instanceof Map;
            case "array" -> v instanceof List;
            default -> false;
          };
      if (ok) {
        return true;
      }
    }
    return false;
  }

  private static boolean isWhole(Object v) {
    if (v instanceof Integer || v instanceof Long) {
      return true;
    }
    if (v instanceof BigInteger b) {
      return b.bitLength() < 64;
    }
    return v instanceof Number n
        && n.doubleValue() == Math.rint(n.doubleValue())
        && Math.abs(n.doubleValue()) < 9.0e15;
  }

  static Mapped string(Map<String, Object> node, String pointer, Reporter r, String property) {
    Long minLength = length(node, "minLength", pointer, r);
    Long maxLength = length(node, "maxLength", pointer, r);
    if (minLength != null && maxLength != null && maxLength < minLength) {
      r.problem(pointer + "/maxLength", "is less than minLength", "make maxLength >= minLength");
      return null;
    }
    Object format = node.get("format");
    Object pattern = node.get("pattern");
    if (format != null && pattern != null) {
      r.problem(
          pointer + "/format",
          "format and pattern together are not supported",
          "keep the pattern (it says the shape) and remove format");
      return null;
    }
    if (format != null) {
      Format f = FORMATS.get(String.valueOf(format));
      if (f == null) {
        r.problem(
            pointer + "/format",
            "format '" + format + "' is not supported",
            "use one of "
                + String.join(", ", new java.util.TreeSet<>(FORMATS.keySet()))
                + ", or a pattern");
        return null;
      }
      if ((minLength != null && minLength > f.min())
          || (maxLength != null && maxLength < f.max())) {
        r.problem(
            pointer,
            "format '"
                + format
                + "' makes values of "
                + f.min()
                + " to "
                + f.max()
                + " characters, not always within minLength/maxLength",
            "widen minLength/maxLength or remove them");
        return null;
      }
      return new Mapped(f.type(), f.generator(), false, f.max() + 2);
    }
    long lo = minLength == null ? 0 : minLength;
    if (pattern != null) {
      if (!(pattern instanceof String)) {
        r.problem(pointer + "/pattern", "must be a regular expression", "write e.g. ^[A-Z]{3}$");
        return null;
      }
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("pattern", pattern);
      if (minLength != null) {
        params.put("min_length", minLength);
      }
      if (maxLength != null) {
        params.put("max_length", maxLength);
      }
      Regex.Node parsed;
      try {
        parsed =
            Regex.parse((String) pattern, Regex.openMax(lo, maxLength == null ? -1 : maxLength));
      } catch (IllegalArgumentException e) {
        r.problem(
            pointer + "/pattern",
            e.getMessage(),
            "simplify the pattern: docs/json-schema.md lists the regular expressions supported");
        return null;
      }
      if ((maxLength != null && parsed.minLength() > maxLength)
          || (minLength != null && parsed.maxLength() < minLength)) {
        r.problem(
            pointer + "/pattern",
            "never matches strings of minLength "
                + lo
                + " to maxLength "
                + (maxLength == null ? "(none)" : maxLength),
            "make the pattern's repetitions agree with minLength and maxLength");
        return null;
      }
      long max = maxLength != null ? maxLength : Math.max(64, Math.min(parsed.maxLength(), 10_000));
      return new Mapped("string", generator("regex", params), false, 2 + 6 * max);
    }
    String named =
        property == null
            ? null
            : NAMED.get(property.toLowerCase(Locale.ROOT).replaceAll("[-_]", ""));
    if (named != null && minLength == null && maxLength == null) {
      Map<String, Object> g =
          named.startsWith("regex:")
              ? regex(named.substring("regex:".length()))
              : generator(named, Map.of());
      return new Mapped("string", g, false, 2 + 6 * 200);
    }
    long hi = maxLength != null ? maxLength : Math.max(lo, Math.min(lo + 8, 12));
    lo = minLength != null ? lo : Math.min(hi, 3);
    if (hi > 10_000) {
      hi = Math.max(lo, 10_000);
    }
    return new Mapped(
        "string",
        generator("regex", Map.of("pattern", "[a-z]{" + lo + "," + hi + "}")),
        false,
        2 + hi);
  }

  private static Long length(Map<String, Object> node, String key, String pointer, Reporter r) {
    Object v = node.get(key);
    if (v == null) {
      return null;
    }
    if (isWhole(v) && ((Number) v).longValue() >= 0) {
      if (((Number) v).longValue() > 10_000) {
        r.problem(
            pointer + "/" + key, "is larger than 10000", "keep strings under 10000 characters");
        return null;
      }
      return ((Number) v).longValue();
    }
    r.problem(pointer + "/" + key, "must be a whole number >= 0, got '" + v + "'", "write e.g. 8");
    return null;
  }

  static Mapped number(Map<String, Object> node, String pointer, Reporter r, boolean integer) {
    Object format = node.get("format");
    if (format != null
        && !List.of("int32", "int64", "float", "double").contains(String.valueOf(format))) {
      r.problem(
          pointer + "/format",
          "format '" + format + "' is not supported for numbers",
          "use int32, int64, float or double, or remove it");
      return null;
    }
    BigDecimal min = bound(node, "minimum", pointer, r);
    BigDecimal max = bound(node, "maximum", pointer, r);
    BigDecimal exMin = exclusive(node, "exclusiveMinimum", min, pointer, r);
    BigDecimal exMax = exclusive(node, "exclusiveMaximum", max, pointer, r);
    if (exMin != null && (min == null || exMin.compareTo(min) >= 0)) {
      min = exMin;
    } else {
      exMin = null;
    }
    if (exMax != null && (max == null || exMax.compareTo(max) <= 0)) {
      max = exMax;
    } else {
      exMax = null;
    }
    BigDecimal span = BigDecimal.valueOf(1000);
    if (min == null && max == null) {
      min = BigDecimal.ZERO;
      max = span;
    } else if (min == null) {
      min = max.subtract(span);
    } else if (max == null) {
      max = min.add(span);
    }
    if (integer) {
      return integer(min, max, exMin != null, exMax != null, "int32".equals(format), pointer, r);
    }
    double lo = min.doubleValue();
    double hi = max.doubleValue();
    if (exMin != null) {
      lo = Math.nextUp(lo);
    }
    if (exMax != null) {
      hi = Math.nextDown(hi);
    }
    if (!(lo <= hi) || Double.isInfinite(hi - lo)) {
      r.problem(pointer, "no number lies within its bounds", "widen minimum/maximum");
      return null;
    }
    Map<String, Object> g =
        lo == hi
            ? generator("const", Map.of("value", lo))
            : generator("uniform_float", GeneratorSpec.params("min", lo, "max", hi));
    return new Mapped("double", g, false, 26);
  }

  private static Mapped integer(
      BigDecimal min,
      BigDecimal max,
      boolean exMin,
      boolean exMax,
      boolean int32,
      String pointer,
      Reporter r) {
    BigInteger lo = min.setScale(0, java.math.RoundingMode.CEILING).toBigInteger();
    BigInteger hi = max.setScale(0, java.math.RoundingMode.FLOOR).toBigInteger();
    if (exMin && new BigDecimal(lo).compareTo(min) == 0) {
      lo = lo.add(BigInteger.ONE);
    }
    if (exMax && new BigDecimal(hi).compareTo(max) == 0) {
      hi = hi.subtract(BigInteger.ONE);
    }
    BigInteger floor = BigInteger.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE / 2);
    BigInteger ceiling = BigInteger.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE / 2);
    lo = lo.max(floor);
    hi = hi.min(ceiling);
    if (lo.compareTo(hi) > 0) {
      r.problem(pointer, "no whole number lies within its bounds", "widen minimum/maximum");
      return null;
    }
    boolean small =
        lo.compareTo(BigInteger.valueOf(Integer.MIN_VALUE)) >= 0
            && hi.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) <= 0;
    Map<String, Object> g =
        lo.equals(hi)
            ? generator("const", Map.of("value", lo.longValue()))
            : generator(
                "uniform_int", GeneratorSpec.params("min", lo.longValue(), "max", hi.longValue()));
    return new Mapped(small ? "int" : "bigint", g, false, 20);
  }

  private static BigDecimal bound(
      Map<String, Object> node, String key, String pointer, Reporter r) {
    Object v = node.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
      return new BigDecimal(String.valueOf(n));
    }
    r.problem(pointer + "/" + key, "must be a number, got '" + v + "'", "write e.g. 0");
    return null;
  }

  /** The 2020-12 form (a number) or the draft-04 form (true with minimum/maximum). */
  private static BigDecimal exclusive(
      Map<String, Object> node, String key, BigDecimal inclusive, String pointer, Reporter r) {
    Object v = node.get(key);
    if (v instanceof Boolean b) {
      return b ? inclusive : null;
    }
    return bound(node, key, pointer, r);
  }

  private static Map<String, Object> regex(String pattern) {
    return generator("regex", Map.of("pattern", pattern));
  }

  /** A value as compact JSON text (keys in document order). */
  static String json(Object v) {
    StringBuilder sb = new StringBuilder();
    json(sb, v);
    return sb.toString();
  }

  private static void json(StringBuilder sb, Object v) {
    if (v == null) {
      sb.append("null");
    } else if (v instanceof String s) {
      sb.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"' || c == '\\') {
          sb.append('\\').append(c);
        } else if (c < 0x20) {
          sb.append(String.format("\\u%04x", (int) c));
        } else {
          sb.append(c);
        }
      }
      sb.append('"');
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        sb.append(first ? "" : ",");
        first = false;
        json(sb, String.valueOf(e.getKey()));
        sb.append(':');
        json(sb, e.getValue());
      }
      sb.append('}');
    } else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        sb.append(i == 0 ? "" : ",");
        json(sb, l.get(i));
      }
      sb.append(']');
    } else {
      sb.append(v);
    }
  }
}
