package dev.syngen.core.llm;

/**
 * Hears about every request sent to a provider and every cell written by a declared fallback
 * generator: the server's metrics listen here (the core knows no metrics library).
 */
public interface LlmMeter {
  /** A request answered (its answer may still be refused as not fitting the schema). */
  void answered(String provider, long inputTokens, long outputTokens, double cost, long nanos);

  /** A request that failed (HTTP error, timeout, connection failure). */
  void failed(String provider, long nanos);

  /**
   * Values that did not come from the primary provider: answered by a fallback provider, or written
   * by the column's fallback generator ({@code provider} is then the primary that was asked).
   */
  void fellBack(String provider, long values);

  LlmMeter NONE =
      new LlmMeter() {
        @Override
        public void answered(String p, long in, long out, double cost, long nanos) {}

        @Override
        public void failed(String p, long nanos) {}

        @Override
        public void fellBack(String p, long values) {}
      };
}
