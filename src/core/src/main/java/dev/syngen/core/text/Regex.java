package dev.syngen.core.text;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A parsed regular expression (the ECMAScript subset JSON Schema {@code pattern}s use) as a tree
 * that can write one matching string from a stream of random draws: alternation, groups ({@code
 * (…)}, {@code (?:…)}, {@code (?<name>…)}), the quantifiers {@code * + ? {n} {n,} {n,m}} (lazy
 * forms too), character classes with ranges and negation, {@code .}, the escapes {@code \d \D \w \W
 * \s \S}, escaped literals, {@code \t \n \r \xHH \\uHHHH}, and the anchors {@code ^ $}.
 * Back-references, look-arounds, word boundaries and Unicode property escapes are refused with the
 * position they were found at.
 *
 * <p>Open repetitions ({@code *}, {@code +}, {@code {n,}}) repeat at most {@code openMax} times
 * beyond their minimum. Characters are drawn from printable ASCII, so lengths in characters are
 * lengths in code points.
 */
public final class Regex {
  /**
   * What a node writes: one draw picks a character of a class, a count, or an alternative. {@code
   * limit} is the length the output should not pass once the node is written; counts and
   * alternatives keep to it where the pattern allows, so strings stay within a maximum length
   * without being cut.
   */
  public interface Node {
    void write(Draws d, StringBuilder out, int limit);

    /** The shortest string the node writes. */
    long minLength();

    /** The longest string the node writes (open repetitions counted at their cap). */
    long maxLength();
  }

  /** The source of draws of one cell: a bounded integer per call. */
  public interface Draws {
    int below(int bound);
  }

  /** A character drawn from an alphabet. */
  public record Chars(char[] alphabet) implements Node {
    @Override
    public void write(Draws d, StringBuilder out, int limit) {
      out.append(alphabet.length == 1 ? alphabet[0] : alphabet[d.below(alphabet.length)]);
    }

    @Override
    public long minLength() {
      return 1;
    }

    @Override
    public long maxLength() {
      return 1;
    }
  }

  /** Parts written one after the other. */
  public record Seq(Node[] parts, long[] after) implements Node {
    Seq(Node[] parts) {
      this(parts, suffixMinimums(parts));
    }

    private static long[] suffixMinimums(Node[] parts) {
      long[] after = new long[parts.length];
      long sum = 0;
      for (int i = parts.length - 1; i >= 0; i--) {
        after[i] = sum;
        sum = Math.min(Long.MAX_VALUE / 2, sum + parts[i].minLength());
      }
      return after;
    }

    @Override
    public void write(Draws d, StringBuilder out, int limit) {
      for (int i = 0; i < parts.length; i++) {
        parts[i].write(d, out, (int) Math.max(0, limit - after[i]));
      }
    }

    @Override
    public long minLength() {
      return parts.length == 0 ? 0 : Math.min(Long.MAX_VALUE / 2, after[0] + parts[0].minLength());
    }

    @Override
    public long maxLength() {
      long sum = 0;
      for (Node p : parts) {
        sum = Math.min(Long.MAX_VALUE / 2, sum + p.maxLength());
      }
      return sum;
    }
  }

  /** One of several alternatives; those that fit the limit are preferred. */
  public record Alt(Node[] options) implements Node {
    @Override
    public void write(Draws d, StringBuilder out, int limit) {
      int pick = d.below(options.length);
      for (int i = 0; i < options.length; i++) {
        Node o = options[(pick + i) % options.length];
        if (out.length() + o.minLength() <= limit) {
          o.write(d, out, limit);
          return;
        }
      }
      options[pick].write(d, out, limit);
    }

    @Override
    public long minLength() {
      long min = Long.MAX_VALUE;
      for (Node o : options) {
        min = Math.min(min, o.minLength());
      }
      return min;
    }

    @Override
    public long maxLength() {
      long max = 0;
      for (Node o : options) {
        max = Math.max(max, o.maxLength());
      }
      return max;
    }
  }

  /** A body repeated min to max times; the count keeps to the limit where it can. */
  public record Repeat(Node body, int min, int max) implements Node {
    @Override
    public void write(Draws d, StringBuilder out, int limit) {
      long bodyMin = Math.max(1, body.minLength());
      long room = limit - out.length() - (long) min * body.minLength();
      int top = (int) Math.max(min, Math.min(max, min + Math.max(0, room / bodyMin)));
      int k = min == top ? min : min + d.below(top - min + 1);
      for (int i = 0; i < k; i++) {
        body.write(d, out, (int) Math.max(0, limit - (k - i - 1) * body.minLength()));
      }
    }

    @Override
    public long minLength() {
      return Math.min(Long.MAX_VALUE / 2, min * body.minLength());
    }

    @Override
    public long maxLength() {
      return Math.min(Long.MAX_VALUE / 2, max * body.maxLength());
    }
  }

  private static final int MAX_REPEAT = 1_000;
  private static final char[] DIGITS = range('0', '9');
  private static final char[] WORD =
      join("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "0123456789_");
  private static final char[] ALNUM =
      join("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", "0123456789");
  private static final char[] SPACE = {' '};

  private final String source;
  private final int openMax;
  private int at;
  private int depth;

  /** How deeply groups may nest (the parser and the writer recurse once per level). */
  private static final int MAX_DEPTH = 64;

  private Regex(String source, int openMax) {
    this.source = source;
    this.openMax = openMax;
  }

  /** Extra repetitions of open quantifiers by default. */
  public static final int OPEN_MAX = 8;

  /**
   * How many repetitions beyond their minimum open quantifiers make for strings of {@code
   * minLength} to {@code maxLength} (-1: none) characters: enough to reach the minimum, never far
   * past the maximum.
   */
  public static int openMax(long minLength, long maxLength) {
    long open = OPEN_MAX;
    if (minLength > 0) {
      open = Math.min(10_000, Math.max(open, minLength + OPEN_MAX));
    }
    if (maxLength >= 0) {
      open = Math.max(1, Math.min(open, maxLength));
    }
    return (int) open;
  }

  /** Parses {@code pattern}; throws IllegalArgumentException naming the position of a problem. */
  public static Node parse(String pattern, int openMax) {
    Regex r = new Regex(pattern, openMax);
    Node n = r.alternation();
    if (r.at < pattern.length()) {
      throw r.error("unbalanced ')'");
    }
    return n;
  }

  private Node alternation() {
    List<Node> options = new ArrayList<>();
    options.add(sequence());
    while (at < source.length() && source.charAt(at) == '|') {
      at++;
      options.add(sequence());
    }
    return options.size() == 1 ? options.get(0) : new Alt(options.toArray(Node[]::new));
  }

  private Node sequence() {
    List<Node> parts = new ArrayList<>();
    while (at < source.length()) {
      char c = source.charAt(at);
      if (c == '|' || c == ')') {
        break;
      }
      if (c == '^' || c == '$') {
        at++; // anchors write nothing; a generated string always spans the whole match
        continue;
      }
      Node atom = atom();
      parts.add(quantified(atom));
    }
    return parts.size() == 1 ? parts.get(0) : new Seq(parts.toArray(Node[]::new));
  }

  private Node atom() {
    char c = source.charAt(at++);
    switch (c) {
      case '(':
        return group();
      case '[':
        return new Chars(characterClass());
      case '.':
        return new Chars(ALNUM);
      case '\\':
        return new Chars(escape(false));
      case '*', '+', '?', '{':
        if (c == '{' && !looksLikeQuantifier(at - 1)) {
          return new Chars(new char[] {c});
        }
        throw error("'" + c + "' has nothing to repeat");
      default:
        return new Chars(new char[] {c});
    }
  }

  private Node group() {
    if (++depth > MAX_DEPTH) {
      throw error("groups nest deeper than " + MAX_DEPTH + " levels");
    }
    if (source.startsWith("?:", at)) {
      at += 2;
    } else if (source.startsWith("?<", at)
        && at + 2 < source.length()
        && source.charAt(at + 2) != '='
        && source.charAt(at + 2) != '!') {
      int end = source.indexOf('>', at);
      if (end < 0) {
        throw error("the group name is never closed with '>'");
      }
      at = end + 1;
    } else if (at < source.length() && source.charAt(at) == '?') {
      throw error("look-around groups ((?=, (?!, (?<=, (?<!) are not supported");
    }
    Node inner = alternation();
    if (at >= source.length() || source.charAt(at) != ')') {
      throw error("'(' is never closed");
    }
    at++;
    depth--;
    return inner;
  }

  private boolean looksLikeQuantifier(int brace) {
    int end = source.indexOf('}', brace);
    return end > brace + 1 && source.substring(brace + 1, end).matches("\\d+(,\\d*)?");
  }

  private Node quantified(Node atom) {
    if (at >= source.length()) {
      return atom;
    }
    char c = source.charAt(at);
    int min;
    int max;
    if (c == '*' || c == '+' || c == '?') {
      at++;
      min = c == '+' ? 1 : 0;
      max = c == '?' ? 1 : min + openMax;
    } else if (c == '{' && looksLikeQuantifier(at)) {
      int end = source.indexOf('}', at);
      String[] range = source.substring(at + 1, end).split(",", -1);
      min = bounded(range[0]);
      max = range.length == 1 ? min : range[1].isEmpty() ? min + openMax : bounded(range[1]);
      if (max < min) {
        throw error("repetition {" + min + "," + max + "} has max < min");
      }
      at = end + 1;
    } else {
      return atom;
    }
    if (at < source.length() && source.charAt(at) == '?') {
      at++; // lazy: matches the same strings
    }
    if (at < source.length() && "*+?".indexOf(source.charAt(at)) >= 0) {
      throw error("a quantifier follows a quantifier");
    }
    return new Repeat(atom, min, max);
  }

  private int bounded(String digits) {
    long n = Long.parseLong(digits);
    if (n > MAX_REPEAT) {
      throw error("repetition " + n + " is larger than " + MAX_REPEAT);
    }
    return (int) n;
  }

  private char[] characterClass() {
    boolean negated = at < source.length() && source.charAt(at) == '^';
    if (negated) {
      at++;
    }
    BitSet set = new BitSet(128);
    boolean first = true;
    while (true) {
      if (at >= source.length()) {
        throw error("'[' is never closed");
      }
      char c = source.charAt(at);
      if (c == ']' && !first) {
        at++;
        break;
      }
      first = false;
      at++;
      char[] from = c == '\\' ? escape(true) : new char[] {c};
      if (from.length == 1
          && at + 1 < source.length()
          && source.charAt(at) == '-'
          && source.charAt(at + 1) != ']') {
        at++;
        char e = source.charAt(at++);
        char[] to = e == '\\' ? escape(true) : new char[] {e};
        if (to.length != 1 || to[0] < from[0]) {
          throw error("range " + from[0] + "-" + (to.length == 1 ? to[0] : '?') + " is invalid");
        }
        set.set(from[0], to[0] + 1);
      } else {
        for (char x : from) {
          set.set(x);
        }
      }
    }
    StringBuilder sb = new StringBuilder();
    for (char x = 0x20; x < 0x7f; x++) {
      if (set.get(x) != negated) {
        sb.append(x);
      }
    }
    if (!negated) {
      // characters outside printable ASCII that the class lists (é, \n) stay possible
      for (int x = set.nextSetBit(0); x >= 0; x = set.nextSetBit(x + 1)) {
        if (x < 0x20 || x >= 0x7f) {
          sb.append((char) x);
        }
      }
    }
    if (sb.isEmpty()) {
      throw error("the character class matches no printable character");
    }
    return sb.toString().toCharArray();
  }

  private char[] escape(boolean inClass) {
    if (at >= source.length()) {
      throw error("the pattern ends with a lone backslash");
    }
    char e = source.charAt(at++);
    return switch (e) {
      case 'd' -> DIGITS;
      case 'w' -> WORD;
      case 's' -> SPACE;
      case 'D' -> complement(DIGITS);
      case 'W' -> complement(WORD);
      case 'S' -> complement(SPACE);
      case 't' -> new char[] {'\t'};
      case 'n' -> new char[] {'\n'};
      case 'r' -> new char[] {'\r'};
      case 'f' -> new char[] {'\f'};
      case 'v' -> new char[] {'\u000B'};
      case 'x' -> new char[] {hex(2)};
      case 'u' -> new char[] {hex(4)};
      case 'b' -> {
        if (inClass) {
          yield new char[] {'\b'};
        }
        throw error("word boundaries (\\b) are not supported");
      }
      case 'B' -> throw error("word boundaries (\\B) are not supported");
      case 'p', 'P' -> throw error("Unicode property escapes (\\p{…}) are not supported");
      case 'k' -> throw error("named back-references (\\k<…>) are not supported");
      default -> {
        if (e >= '1' && e <= '9') {
          throw error("back-references (\\" + e + ") are not supported");
        }
        if (Character.isLetterOrDigit(e)) {
          throw error("unknown escape \\" + e);
        }
        yield new char[] {e};
      }
    };
  }

  private char hex(int digits) {
    if (at + digits > source.length()) {
      throw error("the escape needs " + digits + " hex digits");
    }
    try {
      char c = (char) Integer.parseInt(source.substring(at, at + digits), 16);
      at += digits;
      return c;
    } catch (NumberFormatException ex) {
      throw error("the escape needs " + digits + " hex digits");
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(what + " (at position " + at + " of " + source + ")");
  }

  private static char[] complement(char[] chars) {
    BitSet s = new BitSet(128);
    for (char c : chars) {
      s.set(c);
    }
    StringBuilder sb = new StringBuilder();
    for (char x = 0x21; x < 0x7f; x++) {
      if (!s.get(x)) {
        sb.append(x);
      }
    }
    return sb.toString().toCharArray();
  }

  private static char[] range(char a, char b) {
    char[] out = new char[b - a + 1];
    for (char c = a; c <= b; c++) {
      out[c - a] = c;
    }
    return out;
  }

  private static char[] join(String a, String b) {
    return (a + b).toCharArray();
  }
}
