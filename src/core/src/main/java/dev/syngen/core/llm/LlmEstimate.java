package dev.syngen.core.llm;

import java.util.Collection;

/**
 * What an llm_text column is expected to ask before a run: requests not answered in the cache,
 * their input tokens (4 characters a token), output tokens at most ({@code max_tokens} each) and
 * cost at most by the primary provider's prices. {@code exact} is false when it was extrapolated
 * from a sample of the rows; {@code pools} counts the distinct pool prompts (pool mode).
 */
public record LlmEstimate(
    String mode,
    long requests,
    long cachedRequests,
    long inputTokens,
    long outputTokens,
    double cost,
    long pools,
    boolean exact) {

  static LlmEstimate sum(Collection<LlmEstimate> all) {
    long r = 0, c = 0, in = 0, out = 0, pools = 0;
    double cost = 0;
    boolean exact = true;
    for (LlmEstimate e : all) {
      r += e.requests;
      c += e.cachedRequests;
      in += e.inputTokens;
      out += e.outputTokens;
      cost += e.cost;
      pools += e.pools;
      exact &= e.exact;
    }
    return new LlmEstimate("total", r, c, in, out, cost, pools, exact);
  }

  /** The sum of {@code all}, labelled total. */
  public static LlmEstimate total(Collection<LlmEstimate> all) {
    return sum(all);
  }
}
