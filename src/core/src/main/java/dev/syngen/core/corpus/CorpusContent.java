package dev.syngen.core.corpus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The normalised values of a corpus (NFC, trimmed, blank lines dropped, in file order) and their
 * relative weights when the file has a weights column. Its {@link #hash} is the SHA-256 of exactly
 * this content, so two files that differ only in line endings, a BOM or padding hash alike.
 */
public record CorpusContent(List<String> values, double[] weights) {
  /** Bumped when what the hash covers changes, so an old hash never claims new content. */
  static final String HASH_VERSION = "syngen-corpus-1";

  public CorpusContent {
    values = List.copyOf(values);
    weights = weights == null ? null : weights.clone();
  }

  public int size() {
    return values.size();
  }

  public boolean weighted() {
    return weights != null;
  }

  /** The weight of value {@code i}; 1 when the corpus has no weights column. */
  public double weight(int i) {
    return weights == null ? 1.0 : weights[i];
  }

  /** SHA-256 (hex) of the normalised content. */
  public String hash() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((HASH_VERSION + "\n").getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < values.size(); i++) {
        String line = weights == null ? values.get(i) : values.get(i) + "\t" + weights[i];
        sha.update((line + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /** How many different values the corpus holds. */
  public int distinct() {
    return (int) values.stream().distinct().count();
  }

  /** A value and its share of the corpus's total weight. */
  public record Share(String value, double share) {}

  /** The {@code n} values with the largest total weight (count when unweighted), largest first. */
  public List<Share> top(int n) {
    Map<String, Double> total = new HashMap<>();
    double sum = 0;
    for (int i = 0; i < values.size(); i++) {
      total.merge(values.get(i), weight(i), Double::sum);
      sum += weight(i);
    }
    double all = sum;
    return total.entrySet().stream()
        .sorted(
            Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .map(e -> new Share(e.getKey(), all > 0 ? e.getValue() / all : 0))
        .toList();
  }

  /** Up to {@code n} distinct values spread evenly over the file, in file order. */
  public List<String> sample(int n) {
    Map<String, Boolean> picked = new LinkedHashMap<>();
    int step = Math.max(1, values.size() / Math.max(1, n));
    for (int i = 0; i < values.size() && picked.size() < n; i += step) {
      picked.put(values.get(i), Boolean.TRUE);
    }
    return new ArrayList<>(picked.keySet());
  }
}
