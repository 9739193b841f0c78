package dev.syngen.core.llm;

import java.util.Locale;

/**
 * A run's caps on what its LLM requests may spend: {@code max_requests} (every request sent,
 * retries included) and {@code max_cost} (in the providers' price currency). A request reserves its
 * worst cost — prompt at 4 characters a token plus {@code max_tokens} of answer — before it is
 * sent, and is refused when the reservation would pass a cap, so the provider never sees a request
 * over it; the answer's counted tokens then replace the reservation.
 */
public final class LlmBudget {
  private final long maxRequests;
  private final double maxCost;
  private long requests;
  private double spent;
  private double reserved;

  public LlmBudget(long maxRequests, double maxCost) {
    this.maxRequests = maxRequests;
    this.maxCost = maxCost;
  }

  /**
   * The caps of a run that already sent {@code requests} requests costing {@code spent} in earlier
   * executions: a restart goes on counting from there, so the caps hold for the whole run.
   */
  public static LlmBudget resumed(long maxRequests, double maxCost, long requests, double spent) {
    LlmBudget b = new LlmBudget(maxRequests, maxCost);
    b.requests = requests;
    b.spent = spent;
    return b;
  }

  /** No caps. */
  public static LlmBudget unlimited() {
    return new LlmBudget(Long.MAX_VALUE, Double.POSITIVE_INFINITY);
  }

  public long maxRequests() {
    return maxRequests;
  }

  public double maxCost() {
    return maxCost;
  }

  public boolean capped() {
    return maxRequests != Long.MAX_VALUE || maxCost != Double.POSITIVE_INFINITY;
  }

  /** Reserves one request's worst cost; throws {@link LlmCapReached} instead of passing a cap. */
  synchronized double reserve(LlmProvider p, ChatRequest r) {
    double worst =
        p.cost(Math.round(ProviderClient.estimatedTokens(r) - r.maxTokens()), r.maxTokens());
    if (requests + 1 > maxRequests) {
      throw new LlmCapReached(
          "max_requests",
          "max_requests "
              + maxRequests
              + " reached: "
              + requests
              + " LLM requests were sent and the next one was not; raise --max-requests (or"
              + " max_requests) or use cached answers (--llm offline)");
    }
    if (spent + reserved + worst > maxCost + 1e-12) { // sums of prices are not exact in binary
      throw new LlmCapReached(
          "max_cost",
          String.format(
              Locale.ROOT,
              "max_cost %.6f would be passed: %.6f spent, %.6f reserved by requests in flight, and"
                  + " the next request may cost up to %.6f, so it was not sent; raise --max-cost"
                  + " (or max_cost) or use cached answers (--llm offline)",
              maxCost,
              spent,
              reserved,
              worst));
    }
    requests++;
    reserved += worst;
    return worst;
  }

  /** Replaces a reservation with what the request cost (0 when it failed before an answer). */
  synchronized void settle(double reservation, double cost) {
    reserved -= reservation;
    spent += cost;
  }

  public synchronized long requests() {
    return requests;
  }

  public synchronized double spent() {
    return spent;
  }
}
