package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellRandom;
import dev.syngen.core.scenario.ValueKind;
import dev.syngen.core.text.Regex;

/**
 * Strings matching a regular expression (the ECMAScript subset of JSON Schema's {@code pattern},
 * see {@link Regex}), optionally of {@code min_length} to {@code max_length} characters. Each cell
 * draws from its own (key, row) stream; when length bounds are given, a cell tries up to {@value
 * #ATTEMPTS} independent strings and keeps the first that fits, and binding checks on a sample of
 * rows that the pattern and the bounds agree.
 */
public final class RegexGen implements Generator {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "regex",
          "string matching a regular expression (JSON Schema pattern subset); params: pattern,"
              + " min_length, max_length",
          ctx -> {
            Params p = ctx.params();
            String pattern = p.string("pattern", "\"^[A-Z]{3}-\\\\d{4}$\"");
            long minLength = p.whole("min_length", "1", 0);
            long maxLength = p.whole("max_length", "64", -1);
            if (pattern == null || !p.ok()) {
              return null;
            }
            if (ctx.unique()) {
              p.problem(
                  "pattern",
                  "regex strings cannot be declared unique",
                  "use the pattern generator with a fixed-length pattern for unique strings");
              return null;
            }
            return create(p, pattern, minLength, maxLength);
          });

  static final int ATTEMPTS = 32;
  private static final int SAMPLE = 256;

  private final Regex.Node root;
  private final Regex.Node[] narrower; // the pattern with smaller caps on open repetitions
  private final int minLength;
  private final int maxLength; // -1: none
  private final int capacity;

  private RegexGen(Regex.Node root, Regex.Node[] narrower, int minLength, int maxLength) {
    this.root = root;
    this.narrower = narrower;
    this.minLength = minLength;
    this.maxLength = maxLength;
    this.capacity = (int) Math.min(64, root.maxLength());
  }

  static RegexGen create(Params p, String pattern, long minLength, long maxLength) {
    if (minLength < 0 || (maxLength >= 0 && maxLength < minLength)) {
      p.problem("max_length", "must be >= min_length (" + minLength + ")", "widen the bounds");
      return null;
    }
    int openMax = Regex.openMax(minLength, maxLength);
    Regex.Node root;
    try {
      root = Regex.parse(pattern, openMax);
    } catch (IllegalArgumentException e) {
      p.problem("pattern", e.getMessage(), "simplify the pattern (see docs/json-schema.md)");
      return null;
    }
    if (root.maxLength() > PatternGen.MAX_LENGTH) {
      p.problem(
          "pattern",
          "can make strings longer than " + PatternGen.MAX_LENGTH + " characters",
          "lower its repetition counts");
      return null;
    }
    if (root.maxLength() < minLength || (maxLength >= 0 && root.minLength() > maxLength)) {
      p.problem(
          "pattern",
          "makes strings of "
              + root.minLength()
              + " to "
              + root.maxLength()
              + " characters, never within the length bounds "
              + minLength
              + ".."
              + (maxLength < 0 ? "" : maxLength),
          "make the pattern's repetitions agree with the length bounds");
      return null;
    }
    // nested open repetitions multiply: attempts alternate between the cap and smaller ones
    java.util.List<Regex.Node> caps = new java.util.ArrayList<>();
    caps.add(root);
    for (int cap = openMax / 2; cap >= 1; cap /= 2) {
      caps.add(Regex.parse(pattern, cap));
    }
    RegexGen g =
        new RegexGen(root, caps.toArray(Regex.Node[]::new), (int) minLength, (int) maxLength);
    if (g.bounded()) {
      for (long row = 0; row < SAMPLE; row++) {
        if (g.attempt(0x5EED, row) == null) {
          p.problem(
              "pattern",
              "rarely makes strings within the length bounds "
                  + minLength
                  + ".."
                  + (maxLength < 0 ? "" : maxLength)
                  + " (a sample of rows found none in "
                  + ATTEMPTS
                  + " tries)",
              "make the pattern's repetitions agree with the length bounds");
          return null;
        }
      }
    }
    return g;
  }

  private boolean bounded() {
    return minLength > root.minLength() || (maxLength >= 0 && maxLength < root.maxLength());
  }

  /** The first of the cell's attempts that fits the bounds, or null. */
  private String attempt(long key, long row) {
    for (int a = 0; a < ATTEMPTS; a++) {
      String s = once(narrower[a % narrower.length], a == 0 ? key : CellRandom.mix(key + a), row);
      if (s.length() >= minLength && (maxLength < 0 || s.length() <= maxLength)) {
        return s;
      }
    }
    return null;
  }

  private String once(Regex.Node node, long key, long row) {
    StringBuilder sb = new StringBuilder(capacity);
    node.write(new CellDraws(key, row), sb, maxLength < 0 ? Integer.MAX_VALUE : maxLength);
    return sb.toString();
  }

  @Override
  public ValueKind kind() {
    return ValueKind.STRING;
  }

  @Override
  public String stringAt(long key, long row) {
    if (!bounded()) {
      return once(root, key, row);
    }
    String s = attempt(key, row);
    // every sampled row found a fitting string; a row beyond the sample that finds none keeps
    // its first attempt, which matches the pattern
    return s != null ? s : once(root, key, row);
  }

  /** Draws 0, 1, 2, … of one cell, with the row's mixing done once. */
  static final class CellDraws implements Regex.Draws {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long DRAW_STEP = 0xD1B54A32D192ED03L;
    private final long base;
    private int draw;

    CellDraws(long key, long row) {
      this.base = CellRandom.mix(key + row * GOLDEN);
    }

    @Override
    public int below(int bound) {
      long x = CellRandom.mix(base + (draw++) * DRAW_STEP);
      return (int) (Math.multiplyHigh(x >>> 1, (long) bound << 1) & Long.MAX_VALUE);
    }
  }
}
