package dev.syngen.io.message;

import dev.syngen.core.sink.Redactor;
import dev.syngen.core.sink.SinkException;
import java.time.Duration;

/**
 * Retries an operation against a target with exponential backoff until a time budget is spent: the
 * fault-tolerance policy of the message targets ({@code options.retry_timeout_ms}).
 */
public final class Retry {
  /** An operation that may fail with any exception. */
  @FunctionalInterface
  public interface Action<T> {
    T run() throws Exception;
  }

  /** What to do between attempts, such as reconnecting; may itself fail (then retried too). */
  @FunctionalInterface
  public interface Recovery {
    void recover() throws Exception;
  }

  private static final long FIRST_BACKOFF_MILLIS = 100;
  private static final long MAX_BACKOFF_MILLIS = 2_000;

  private final Duration budget;

  public Retry(Duration budget) {
    this.budget = budget;
  }

  public Duration budget() {
    return budget;
  }

  /**
   * Runs {@code action} until it succeeds or the budget is spent. {@code failure} describes the
   * operation for the final error, which also carries the last cause.
   */
  public <T> T run(Action<T> action, Recovery recovery, String failure) {
    long deadline = System.nanoTime() + budget.toNanos();
    long backoff = FIRST_BACKOFF_MILLIS;
    Exception last;
    while (true) {
      try {
        return action.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SinkException(failure + ": interrupted", e);
      } catch (Exception e) {
        last = e;
      }
      if (System.nanoTime() + backoff * 1_000_000 > deadline) {
        throw new SinkException(
            failure
                + " (gave up after retrying for "
                + budget.toSeconds()
                + " s; last error: "
                + Redactor.text(describe(last))
                + ")",
            last);
      }
      sleep(backoff);
      backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
      try {
        recovery.recover();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SinkException(failure + ": interrupted", e);
      } catch (Exception e) {
        last = e;
      }
    }
  }

  public static String describe(Throwable e) {
    StringBuilder sb = new StringBuilder();
    for (Throwable t = e; t != null && sb.length() < 400; t = t.getCause()) {
      if (t.getMessage() != null && sb.indexOf(t.getMessage()) < 0) {
        if (sb.length() > 0) {
          sb.append(": ");
        }
        sb.append(t.getMessage());
      }
    }
    return sb.length() == 0 ? e.getClass().getSimpleName() : sb.toString();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SinkException("interrupted while waiting to retry", e);
    }
  }
}
