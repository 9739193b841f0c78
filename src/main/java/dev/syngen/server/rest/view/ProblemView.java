package dev.syngen.server.rest.view;

import dev.syngen.core.scenario.Problem;

/** One validation problem: field path, what is wrong, how to fix it. */
public record ProblemView(String path, String message, String fix) {
  public static ProblemView of(Problem p) {
    return new ProblemView(p.path(), p.message(), p.fix());
  }
}
