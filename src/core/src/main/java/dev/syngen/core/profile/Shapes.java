package dev.syngen.core.profile;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The character-class shape of short text without spaces: each run of upper-case letters,
 * lower-case letters or digits becomes a class with its length ({@code AB-1234} → {@code
 * [A-Z]{2}-\d{4}}), punctuation stays. A shape names no value, and only shapes seen at least k
 * times are kept.
 */
final class Shapes {
  private static final int MAX_LENGTH = 64;

  private Shapes() {}

  static Map<String, Double> of(List<String> present, int k) {
    Map<String, Integer> counts = new HashMap<>();
    for (String v : present) {
      String s = shape(v);
      if (s != null) {
        counts.merge(s, 1, Integer::sum);
      }
    }
    Map<String, Double> out = new LinkedHashMap<>();
    counts.entrySet().stream()
        .filter(e -> e.getValue() >= k)
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(10)
        .forEach(e -> out.put(e.getKey(), e.getValue() / (double) present.size()));
    return out;
  }

  /** The value's shape as a pattern of the pattern generator, or null if it has none. */
  static String shape(String v) {
    if (v.isEmpty() || v.length() > MAX_LENGTH) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < v.length()) {
      char c = v.charAt(i);
      String cls = cls(c);
      if (cls == null) {
        if (Character.isWhitespace(c) || "#?[]{}\\".indexOf(c) >= 0 || c > 126) {
          return null;
        }
        out.append(c);
        i++;
        continue;
      }
      int j = i;
      while (j < v.length() && cls.equals(cls(v.charAt(j)))) {
        j++;
      }
      out.append(cls).append('{').append(j - i).append('}');
      i = j;
    }
    return out.toString();
  }

  private static String cls(char c) {
    if (c >= 'A' && c <= 'Z') {
      return "[A-Z]";
    }
    if (c >= 'a' && c <= 'z') {
      return "[a-z]";
    }
    if (c >= '0' && c <= '9') {
      return "[0-9]";
    }
    return null;
  }
}
