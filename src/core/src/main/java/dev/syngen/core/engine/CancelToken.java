package dev.syngen.core.engine;

import java.util.concurrent.atomic.AtomicBoolean;

/** Lets another thread ask a running engine to stop between batches. */
public final class CancelToken {
  private final AtomicBoolean cancelled = new AtomicBoolean();

  public void cancel() {
    cancelled.set(true);
  }

  public boolean isCancelled() {
    return cancelled.get();
  }
}
