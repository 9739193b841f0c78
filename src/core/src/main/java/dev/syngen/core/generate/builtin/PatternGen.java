package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.generate.Unique;
import dev.syngen.core.random.CellRandom;
import dev.syngen.core.random.IndexPermutation;
import dev.syngen.core.scenario.ValueKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Strings shaped by a pattern: {@code #} a digit, {@code ?} an upper-case letter, {@code \d},
 * {@code \w}, character classes such as {@code [A-Z0-9]}, and {@code {n}} or {@code {n,m}}
 * repetition; everything else is literal ({@code ORD-########}, {@code [A-Z]{3}-\d{4}}).
 *
 * <p>A column declared {@code unique: true} needs a fixed-length pattern: its strings are then the
 * mixed-radix digits of a keyed permutation of the row index, so no two rows share one.
 */
public final class PatternGen implements Generator, Unique {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "pattern",
          "string from a pattern (# digit, ? letter, \\d, \\w, [A-Z], {n}, {n,m}); params: pattern",
          ctx -> {
            Params p = ctx.params();
            String pattern = p.string("pattern", "\"ORD-########\"");
            if (pattern == null) {
              return null;
            }
            try {
              PatternGen g = new PatternGen(parse(pattern), null);
              return ctx.unique() ? g.distinct(ctx) : g;
            } catch (IllegalArgumentException e) {
              p.problem("pattern", e.getMessage(), "escape special characters with \\");
              return null;
            }
          });

  private static final String DIGITS = "0123456789";
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String WORD =
      UPPER + UPPER.toLowerCase(java.util.Locale.ROOT) + DIGITS + "_";
  private static final int MAX_REPEAT = 10_000;

  /** The longest string a whole pattern may make ({@code a{10000}} written a thousand times). */
  static final int MAX_LENGTH = 10_000;

  private record Token(char[] alphabet, int min, int max) {}

  private final Token[] tokens;
  private final int maxLength;

  private final IndexPermutation permutation; // null: independent draws

  private PatternGen(List<Token> tokens, IndexPermutation permutation) {
    this.tokens = tokens.toArray(Token[]::new);
    this.maxLength = tokens.stream().mapToInt(Token::max).sum();
    this.permutation = permutation;
  }

  /** The unique variant: fixed length, and at least as many strings as rows. */
  private Generator distinct(GeneratorContext ctx) {
    long space = 1;
    for (Token t : tokens) {
      if (t.min() != t.max()) {
        ctx.params()
            .problem(
                "pattern",
                "unique strings need a fixed-length pattern, but it repeats {"
                    + t.min()
                    + ","
                    + t.max()
                    + "}",
                "use a fixed repetition such as {8}");
        return null;
      }
      for (int k = 0; k < t.min(); k++) {
        int radix = t.alphabet().length;
        space = space > (1L << 62) / radix ? 1L << 62 : space * radix;
      }
    }
    if (space < ctx.rows()) {
      ctx.params()
          .problem(
              "pattern",
              "has only " + space + " distinct strings for " + ctx.rows() + " unique rows",
              "add positions, e.g. more # digits");
      return null;
    }
    return new PatternGen(List.of(tokens), new IndexPermutation(space, ctx.key()));
  }

  @Override
  public boolean distinct() {
    return permutation != null;
  }

  static List<Token> parse(String p) {
    List<Token> out = new ArrayList<>();
    long longest = 0;
    int i = 0;
    while (i < p.length()) {
      char c = p.charAt(i++);
      String alphabet;
      if (c == '#') {
        alphabet = DIGITS;
      } else if (c == '?') {
        alphabet = UPPER;
      } else if (c == '\\') {
        if (i >= p.length()) {
          throw new IllegalArgumentException("pattern ends with a lone backslash");
        }
        char e = p.charAt(i++);
        alphabet = e == 'd' ? DIGITS : e == 'w' ? WORD : String.valueOf(e);
      } else if (c == '[') {
        int end = p.indexOf(']', i);
        if (end < 0) {
          throw new IllegalArgumentException("'[' at position " + (i - 1) + " is never closed");
        }
        alphabet = characterClass(p.substring(i, end), i);
        i = end + 1;
      } else {
        alphabet = String.valueOf(c);
      }
      int min = 1;
      int max = 1;
      if (i < p.length() && p.charAt(i) == '{') {
        int end = p.indexOf('}', i);
        if (end < 0) {
          throw new IllegalArgumentException("'{' at position " + i + " is never closed");
        }
        String[] range = p.substring(i + 1, end).split(",", -1);
        try {
          min = Integer.parseInt(range[0].trim());
          max = range.length > 1 ? Integer.parseInt(range[1].trim()) : min;
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "repetition '" + p.substring(i, end + 1) + "' is not {n} or {n,m}");
        }
        if (range.length > 2 || min < 0 || max < min || max > MAX_REPEAT) {
          throw new IllegalArgumentException(
              "repetition '"
                  + p.substring(i, end + 1)
                  + "' must be {n} or {n,m} with 0 <= n <= m <= "
                  + MAX_REPEAT);
        }
        i = end + 1;
      }
      out.add(new Token(alphabet.toCharArray(), min, max));
      longest += max;
      if (longest > MAX_LENGTH) {
        throw new IllegalArgumentException(
            "can make strings longer than "
                + MAX_LENGTH
                + " characters, the most a pattern may make");
      }
    }
    return out;
  }

  private static String characterClass(String body, int at) {
    if (body.isEmpty() || body.startsWith("^")) {
      throw new IllegalArgumentException(
          "character class at position "
              + at
              + " must list characters (negation is not supported)");
    }
    StringBuilder sb = new StringBuilder();
    for (int j = 0; j < body.length(); j++) {
      char a = body.charAt(j);
      if (j + 2 < body.length() && body.charAt(j + 1) == '-') {
        char b = body.charAt(j + 2);
        if (b < a) {
          throw new IllegalArgumentException("range " + a + "-" + b + " is reversed");
        }
        for (char x = a; x <= b; x++) {
          sb.append(x);
        }
        j += 2;
      } else {
        sb.append(a);
      }
    }
    return sb.toString();
  }

  @Override
  public ValueKind kind() {
    return ValueKind.STRING;
  }

  @Override
  public String stringAt(long key, long row) {
    return permutation == null ? drawn(key, row) : numbered(key, row);
  }

  /**
   * The permuted row index written in mixed radix from the last position backwards; positions
   * beyond the 2^62 strings the permutation covers are drawn at random.
   */
  private String numbered(long key, long row) {
    char[] out = new char[maxLength];
    long n = permutation.at(row);
    long left = permutation.size();
    int at = maxLength;
    int draw = 0;
    for (int i = tokens.length - 1; i >= 0; i--) {
      char[] a = tokens[i].alphabet();
      for (int k = 0; k < tokens[i].min(); k++) {
        if (left > 1) {
          out[--at] = a[(int) (n % a.length)];
          n /= a.length;
          left = (left + a.length - 1) / a.length;
        } else {
          out[--at] = a[(int) CellRandom.below(key, row, draw++, a.length)];
        }
      }
    }
    return new String(out);
  }

  private String drawn(long key, long row) {
    StringBuilder sb = new StringBuilder(maxLength);
    int draw = 0;
    for (Token t : tokens) {
      int n =
          t.min() == t.max()
              ? t.min()
              : t.min() + (int) CellRandom.below(key, row, draw++, t.max() - t.min() + 1);
      char[] a = t.alphabet();
      for (int k = 0; k < n; k++) {
        sb.append(a.length == 1 ? a[0] : a[(int) CellRandom.below(key, row, draw++, a.length)]);
      }
    }
    return sb.toString();
  }
}
