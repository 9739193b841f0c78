package dev.syngen.core.engine;

/** The run was cancelled; rows written before the cancel stay in the target. */
public class RunCancelledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RunCancelledException(String entity, long rowsDone) {
    super("run cancelled during entity '" + entity + "' after " + rowsDone + " rows");
  }
}
