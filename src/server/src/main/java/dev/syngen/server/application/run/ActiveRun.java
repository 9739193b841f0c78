package dev.syngen.server.application.run;

import dev.syngen.core.engine.CancelToken;
import dev.syngen.core.engine.RunRecord;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A run this server has dispatched and not yet finished. A queued run is claimed exactly once,
 * either by its task (it starts) or by a cancel (it never starts).
 */
final class ActiveRun {
  private enum State {
    QUEUED,
    RUNNING,
    CANCELLED_IN_QUEUE
  }

  private final CancelToken token = new CancelToken();
  private final AtomicReference<State> state = new AtomicReference<>(State.QUEUED);
  private final CompletableFuture<RunRecord> finished = new CompletableFuture<>();
  private volatile Runnable stopper = () -> {};

  CancelToken token() {
    return token;
  }

  /** The task claims the run; false if it was cancelled while queued. */
  boolean begin() {
    return state.compareAndSet(State.QUEUED, State.RUNNING);
  }

  boolean queued() {
    return state.get() == State.QUEUED;
  }

  /** What else a cancel must do to stop the run (stop its batch job); the token is always set. */
  void onCancel(Runnable stop) {
    stopper = stop;
  }

  /** Asks the run to stop; true if it was still queued and so will never start. */
  boolean cancel() {
    token.cancel();
    stopper.run();
    return state.compareAndSet(State.QUEUED, State.CANCELLED_IN_QUEUE);
  }

  void finish(RunRecord last) {
    finished.complete(last);
  }

  CompletableFuture<RunRecord> finished() {
    return finished;
  }
}
