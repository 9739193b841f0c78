package dev.syngen.core.corpus;

/**
 * What a corpus must satisfy to become ready.
 *
 * @param maxBytes the largest accepted file, in bytes
 * @param maxValues the most values (lines or CSV rows)
 * @param maxDuplicateShare the largest accepted share of values that repeat an earlier value
 * @param allowPersonalData true to accept values that look like e-mails, phone or card numbers
 */
public record CorpusRules(
    long maxBytes, int maxValues, double maxDuplicateShare, boolean allowPersonalData) {
  /** 8 MiB, 1,000,000 values, at most 50 % duplicates, no personal data. */
  public static final CorpusRules DEFAULTS = new CorpusRules(8L << 20, 1_000_000, 0.5, false);

  public CorpusRules allowingPersonalData(boolean allow) {
    return new CorpusRules(maxBytes, maxValues, maxDuplicateShare, allow);
  }

  public CorpusRules withMaxBytes(long bytes) {
    return new CorpusRules(bytes, maxValues, maxDuplicateShare, allowPersonalData);
  }
}
