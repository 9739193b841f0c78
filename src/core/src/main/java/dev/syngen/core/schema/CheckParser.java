package dev.syngen.core.schema;

import dev.syngen.core.schema.DbSchema.DbCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the simple CHECK constraints of the three catalogues' spellings — {@code qty BETWEEN 1 AND
 * 50}, {@code ((qty >= 1) AND (qty <= 50))}, {@code price > (0)::numeric}, {@code status IN ('a',
 * 'b')}, {@code ((status)::text = ANY (ARRAY['a'::text, 'b'::text]))} — into a range or a list of
 * values for one column. Anything else is kept as text only, and the draft says it was not read.
 */
public final class CheckParser {
  private static final Pattern TOKEN =
      Pattern.compile(
          "'(?:[^']|'')*'|[A-Za-z_][A-Za-z0-9_$]*|\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?|>=|<=|<>|!=|::|\\S");

  private CheckParser() {}

  public static DbCheck parse(String text) {
    List<String> t = tokens(text);
    DbCheck notSimple = new DbCheck(text, null, null, false, null, false, List.of());
    if (t.size() < 3) {
      return notSimple;
    }
    String column = t.get(0);
    if (!isIdentifier(column)) {
      return notSimple;
    }
    String op = upper(t.get(1));
    if (op.equals("IN") || (op.equals("=") && t.size() > 3 && upper(t.get(2)).equals("ANY"))) {
      List<String> values = new ArrayList<>();
      for (String s : t.subList(op.equals("IN") ? 2 : 3, t.size())) {
        if (upper(s).equals("ARRAY")) {
          continue;
        }
        if (s.startsWith("'")) {
          values.add(s.substring(1, s.length() - 1).replace("''", "'"));
        } else if (isNumber(s)) {
          values.add(s);
        } else {
          return notSimple;
        }
      }
      return values.isEmpty()
          ? notSimple
          : new DbCheck(text, column, null, false, null, false, values);
    }
    if (op.equals("BETWEEN") && t.size() == 5 && upper(t.get(3)).equals("AND")) {
      Double lo = number(t.get(2));
      Double hi = number(t.get(4));
      return lo == null || hi == null
          ? notSimple
          : new DbCheck(text, column, lo, false, hi, false, List.of());
    }
    return comparisons(text, t, column, notSimple);
  }

  /** {@code c > 0}, {@code c >= 1 AND c <= 5}: comparisons of one column with numbers. */
  private static DbCheck comparisons(String text, List<String> t, String column, DbCheck none) {
    Double min = null;
    Double max = null;
    boolean minEx = false;
    boolean maxEx = false;
    for (int i = 0; i < t.size(); i += 4) {
      if (i + 2 >= t.size() || !t.get(i).equals(column)) {
        return none;
      }
      Double v = number(t.get(i + 2));
      if (v == null) {
        return none;
      }
      switch (t.get(i + 1)) {
        case ">" -> {
          min = v;
          minEx = true;
        }
        case ">=" -> {
          min = v;
          minEx = false;
        }
        case "<" -> {
          max = v;
          maxEx = true;
        }
        case "<=" -> {
          max = v;
          maxEx = false;
        }
        default -> {
          return none;
        }
      }
      if (i + 3 < t.size() && !upper(t.get(i + 3)).equals("AND")) {
        return none;
      }
    }
    return new DbCheck(text, column, min, minEx, max, maxEx, List.of());
  }

  /** The tokens without the CHECK keyword, parentheses, brackets, commas, quotes and casts. */
  static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text.replace('`', ' ').replace('"', ' '));
    boolean cast = false;
    while (m.find()) {
      String s = m.group();
      if (s.equals("::")) {
        cast = true;
        continue;
      }
      if (cast && isIdentifier(s) && !upper(s).equals("AND") && !upper(s).equals("OR")) {
        continue;
      }
      cast = false;
      if ("()[],".contains(s)) {
        continue;
      }
      if (out.isEmpty() && upper(s).equals("CHECK")) {
        continue;
      }
      if (s.equals("-") && m.find()) {
        s = "-" + m.group();
      }
      out.add(s);
    }
    return out;
  }

  private static boolean isIdentifier(String s) {
    return Character.isLetter(s.charAt(0)) || s.charAt(0) == '_';
  }

  private static boolean isNumber(String s) {
    return number(s) != null;
  }

  private static Double number(String s) {
    try {
      return Double.parseDouble(s.startsWith("'") ? s.substring(1, s.length() - 1) : s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String upper(String s) {
    return s.toUpperCase(Locale.ROOT);
  }
}
