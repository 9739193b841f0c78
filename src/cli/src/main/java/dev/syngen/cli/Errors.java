package dev.syngen.cli;

import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.core.sink.Redactor;
import dev.syngen.core.sink.SinkException;
import picocli.CommandLine;

/** Turns exceptions into one clear message on stderr and an exit code; never a stack trace. */
public final class Errors implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult pr) {
    var err = cl.getErr();
    if (ex instanceof ValidationException v) {
      err.println(Redactor.text(v.getMessage().lines().findFirst().orElse("invalid input")));
      for (Problem p : v.problems()) {
        err.println("  - " + Redactor.text(p.toString()));
      }
      err.flush();
      return SyngenCommand.EXIT_INVALID;
    }
    if (ex instanceof IllegalArgumentException) {
      err.println("error: " + Redactor.text(ex.getMessage()));
      err.flush();
      return SyngenCommand.EXIT_INVALID;
    }
    String what = ex instanceof SinkException ? "target error" : "error";
    err.println(what + ": " + Redactor.text(String.valueOf(ex.getMessage())));
    err.flush();
    return SyngenCommand.EXIT_FAILED;
  }
}
