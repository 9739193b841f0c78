package dev.syngen.core.generate.faker;

import java.util.function.IntConsumer;

/**
 * A compiled Datafaker value: evaluated from a cell's draws into a builder, and matched against a
 * text to check that Datafaker's own output is among the values the tree can produce.
 */
public sealed interface FakerNode
    permits FakerNode.Text,
        FakerNode.Concat,
        FakerNode.Pick,
        FakerNode.PickText,
        FakerNode.Pattern {

  void append(Draws d, StringBuilder out);

  /**
   * Calls {@code end} with every position where a match of this node starting at {@code from} ends.
   */
  void match(String s, int from, IntConsumer end);

  /** True if the whole of {@code s} is a value of this node. */
  default boolean matches(String s) {
    boolean[] hit = {false};
    match(s, 0, e -> hit[0] |= e == s.length());
    return hit[0];
  }

  /** True if no value of this node contains a comma, a quote or a line break. */
  boolean plainText();

  /** Fixed text. */
  record Text(String text) implements FakerNode {
    @Override
    public void append(Draws d, StringBuilder out) {
      out.append(text);
    }

    @Override
    public void match(String s, int from, IntConsumer end) {
      if (s.startsWith(text, from)) {
        end.accept(from + text.length());
      }
    }

    @Override
    public boolean plainText() {
      return plain(text);
    }
  }

  /** Parts one after another. */
  record Concat(FakerNode[] parts) implements FakerNode {
    @Override
    public void append(Draws d, StringBuilder out) {
      for (FakerNode p : parts) {
        p.append(d, out);
      }
    }

    @Override
    public void match(String s, int from, IntConsumer end) {
      matchFrom(0, s, from, end);
    }

    private void matchFrom(int i, String s, int from, IntConsumer end) {
      if (i == parts.length) {
        end.accept(from);
        return;
      }
      java.util.BitSet seen = new java.util.BitSet();
      parts[i].match(
          s,
          from,
          e -> {
            if (!seen.get(e)) {
              seen.set(e);
              matchFrom(i + 1, s, e, end);
            }
          });
    }

    @Override
    public boolean plainText() {
      for (FakerNode p : parts) {
        if (!p.plainText()) {
          return false;
        }
      }
      return true;
    }
  }

  /** One of several alternatives, uniformly (as Datafaker picks from a dictionary list). */
  record Pick(FakerNode[] options) implements FakerNode {
    @Override
    public void append(Draws d, StringBuilder out) {
      options[d.below(options.length)].append(d, out);
    }

    @Override
    public void match(String s, int from, IntConsumer end) {
      for (FakerNode o : options) {
        o.match(s, from, end);
      }
    }

    @Override
    public boolean plainText() {
      for (FakerNode o : options) {
        if (!o.plainText()) {
          return false;
        }
      }
      return true;
    }
  }

  /** One of a dictionary's plain entries, uniformly: the common leaf, kept flat for speed. */
  record PickText(String[] words) implements FakerNode {
    @Override
    public void append(Draws d, StringBuilder out) {
      out.append(words[d.below(words.length)]);
    }

    @Override
    public void match(String s, int from, IntConsumer end) {
      for (String w : words) {
        if (s.startsWith(w, from)) {
          end.accept(from + w.length());
        }
      }
    }

    @Override
    public boolean plainText() {
      for (String w : words) {
        if (!plain(w)) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * Datafaker's numerify/letterify/bothify of a text: {@code #} a digit 0–9, {@code Ø} a digit 1–9,
   * {@code ?} a letter a–z (when letters are on); other characters stay.
   */
  record Pattern(String pattern, boolean digits, boolean letters) implements FakerNode {
    @Override
    public void append(Draws d, StringBuilder out) {
      for (int i = 0; i < pattern.length(); i++) {
        char c = pattern.charAt(i);
        if (digits && c == '#') {
          out.append((char) ('0' + d.below(10)));
        } else if (digits && c == 'Ø') {
          out.append((char) ('1' + d.below(9)));
        } else if (letters && c == '?') {
          out.append((char) ('a' + d.below(26)));
        } else {
          out.append(c);
        }
      }
    }

    @Override
    public void match(String s, int from, IntConsumer end) {
      if (from + pattern.length() > s.length()) {
        return;
      }
      for (int i = 0; i < pattern.length(); i++) {
        char p = pattern.charAt(i);
        char c = s.charAt(from + i);
        boolean ok =
            digits && p == '#'
                ? c >= '0' && c <= '9'
                : digits && p == 'Ø'
                    ? c >= '1' && c <= '9'
                    : letters && p == '?' ? c >= 'a' && c <= 'z' : c == p;
        if (!ok) {
          return;
        }
      }
      end.accept(from + pattern.length());
    }

    @Override
    public boolean plainText() {
      return plain(pattern);
    }
  }

  /** True if {@code s} has no comma, double quote or line break. */
  public static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return false;
      }
    }
    return true;
  }
}
