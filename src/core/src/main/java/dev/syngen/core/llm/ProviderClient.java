package dev.syngen.core.llm;

import dev.syngen.core.sink.Redactor;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Sends requests to one provider within its limits: at most {@code max_concurrency} at a time,
 * {@code requests_per_second} and {@code tokens_per_minute} token buckets, a pause for every caller
 * when the provider answers 429/503 with Retry-After, retries with backoff for transient failures,
 * and a circuit breaker that the route reads to skip a failing provider.
 */
final class ProviderClient {
  /** The longest Retry-After honoured; a provider asking for more is treated as failing. */
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

  /** The status of a failure for a request that was never sent (its provider's circuit opened). */
  static final int NOT_SENT = -1;

  private static final long BASE_BACKOFF_MILLIS = 100;
  private static final long MAX_BACKOFF_MILLIS = 5_000;

  private final LlmProvider provider;
  private final ChatTransport transport;
  private final Function<String, String> env;
  private final Semaphore slots;
  private final TokenBucket requests;
  private final TokenBucket tokens;
  private final CircuitBreaker breaker;
  private final java.util.function.Supplier<LlmBudget> budget;
  private final java.util.function.Supplier<LlmMeter> meter;
  private volatile long pausedUntilNanos;
  private volatile String lastFailure = "";

  /** Set once the provider refused response_format json_schema: it is sent json_object since. */
  private volatile boolean jsonObjectOnly;

  /** The status of an answer that came back but does not fit what was asked (not retried). */
  static final int INVALID_ANSWER = -2;

  ProviderClient(
      LlmProvider provider,
      ChatTransport transport,
      Function<String, String> env,
      LongSupplier clockMillis,
      java.util.function.Supplier<LlmBudget> budget,
      java.util.function.Supplier<LlmMeter> meter) {
    this.budget = budget;
    this.meter = meter;
    this.provider = provider;
    this.transport = transport;
    this.env = env;
    this.slots = new Semaphore(provider.maxConcurrency(), true);
    this.requests = TokenBucket.perSecond(provider.requestsPerSecond());
    this.tokens = TokenBucket.perMinute(provider.tokensPerMinute());
    this.breaker =
        new CircuitBreaker(provider.failureThreshold(), provider.openFor().toMillis(), clockMillis);
  }

  LlmProvider provider() {
    return provider;
  }

  CircuitBreaker breaker() {
    return breaker;
  }

  /** Why requests skip this provider: its circuit is open, and the failure that opened it. */
  String circuitOpen() {
    return "circuit open after repeated failures (last: " + lastFailure + ")";
  }

  /**
   * An answer and the latency of the request that brought it: from sending it to its answer, not
   * counting the waits for a concurrency slot, a rate limit or a retry before it.
   */
  record Sent(ChatAnswer answer, long latencyNanos) {}

  /** Asks the provider's model; throws the last failure once retries are spent. */
  Sent ask(ChatRequest request) {
    return ask(request, a -> null);
  }

  /**
   * Asks the provider's model; {@code check} says what is wrong with an answer (null if nothing),
   * and an answer it refuses is a failure of this provider. Throws the last failure once retries
   * are spent, and {@link LlmCapReached} (never sending) when the run's budget is spent.
   */
  Sent ask(ChatRequest request, java.util.function.Function<ChatAnswer, String> check) {
    ChatRequest r = request.withModel(provider.model());
    if (r.jsonSchema() != null && jsonObjectOnly) {
      r = r.asJsonObject();
    }
    String key = provider.apiKeyEnv() == null ? null : env.apply(provider.apiKeyEnv());
    for (int attempt = 0; ; attempt++) {
      waitForPause();
      if (!requests.take(1) || !tokens.take(estimatedTokens(r))) {
        throw interrupted();
      }
      acquireSlot();
      Duration wait;
      double reservation = 0;
      long start = System.nanoTime();
      try {
        // checked with the slot held, and failures recorded before it is released, so at most
        // max_concurrency requests reach a provider after the failure that opens its circuit
        if (breaker.open()) {
          throw new ChatFailure(NOT_SENT, null, circuitOpen());
        }
        reservation = budget.get().reserve(provider, r);
        start = System.nanoTime();
        ChatAnswer a = transport.send(provider, key, r);
        long latency = System.nanoTime() - start;
        double cost = provider.cost(a.inputTokens(), a.outputTokens());
        budget.get().settle(reservation, cost);
        reservation = 0;
        meter.get().answered(provider.id(), a.inputTokens(), a.outputTokens(), cost, latency);
        String wrong = check.apply(a);
        if (wrong != null) {
          throw new ChatFailure(INVALID_ANSWER, null, "answer does not fit: " + wrong);
        }
        breaker.success();
        return new Sent(a, latency);
      } catch (ChatFailure f) {
        if (reservation != 0) {
          budget.get().settle(reservation, 0);
          meter.get().failed(provider.id(), System.nanoTime() - start);
        }
        if (f.status() == NOT_SENT) {
          throw f;
        }
        if ((f.status() == 400 || f.status() == 422) && r.jsonSchema() != null && !r.jsonObject()) {
          // servers without structured outputs refuse response_format json_schema: ask once more
          // with json_object (the answer is validated the same way) and remember it
          jsonObjectOnly = true;
          r = r.asJsonObject();
          continue;
        }
        wait = f.retryAfter();
        boolean retry =
            f.transientFailure()
                && attempt < provider.maxRetries()
                && (wait == null || wait.compareTo(MAX_RETRY_AFTER) <= 0);
        if (!retry) {
          String message = clean(f.getMessage(), key);
          lastFailure = message;
          breaker.failure();
          throw new ChatFailure(f.status(), f.retryAfter(), message);
        }
      } finally {
        slots.release();
      }
      if (wait != null) {
        pausedUntilNanos = Math.max(pausedUntilNanos, System.nanoTime() + wait.toNanos());
      } else {
        sleep(Math.min(MAX_BACKOFF_MILLIS, BASE_BACKOFF_MILLIS << Math.min(attempt, 10)));
      }
    }
  }

  private void acquireSlot() {
    try {
      if (!slots.tryAcquire(provider.timeout().toMillis() * 4, TimeUnit.MILLISECONDS)) {
        throw new ChatFailure(0, null, "no free request slot within 4× the timeout");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted();
    }
  }

  /**
   * What the tokens-per-minute bucket is charged before sending: prompt (≈4 chars a token) and
   * answer.
   */
  static double estimatedTokens(ChatRequest r) {
    return (r.system().length() + r.prompt().length()) / 4.0 + r.maxTokens();
  }

  private void waitForPause() {
    long wait;
    while ((wait = pausedUntilNanos - System.nanoTime()) > 0) {
      sleep(TimeUnit.NANOSECONDS.toMillis(wait) + 1);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted();
    }
  }

  private static ChatFailure interrupted() {
    return new ChatFailure(0, null, "interrupted while waiting for the provider's rate limit");
  }

  /** A failure message with the API key (which some providers echo, partly masked) removed. */
  static String clean(String message, String key) {
    String m = message == null ? "" : message;
    if (key != null && !key.isEmpty()) {
      m = m.replace(key, "***");
    }
    return Redactor.text(m);
  }
}
