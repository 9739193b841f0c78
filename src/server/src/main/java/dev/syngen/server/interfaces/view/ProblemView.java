package dev.syngen.server.interfaces.view;

import dev.syngen.core.problem.Problem;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** One validation problem: field path, what is wrong, how to fix it. */
@JsonbPropertyOrder({"path", "message", "fix"})
public record ProblemView(String path, String message, String fix) {
  public static ProblemView of(Problem p) {
    return new ProblemView(p.path(), p.message(), p.fix());
  }
}
