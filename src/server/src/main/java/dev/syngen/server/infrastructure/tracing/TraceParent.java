package dev.syngen.server.infrastructure.tracing;

import io.opentelemetry.context.Context;

/**
 * The trace a run was started in (the REST request's or console action's span), captured on the
 * request's thread and handed to the thread that executes the run.
 */
public final class TraceParent {
  /** No parent: the run's span starts a trace of its own. */
  public static final TraceParent NONE = new TraceParent(Context.root());

  final Context context;

  TraceParent(Context context) {
    this.context = context;
  }
}
