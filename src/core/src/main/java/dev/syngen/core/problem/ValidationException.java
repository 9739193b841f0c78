package dev.syngen.core.problem;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when input is invalid; carries every problem found, not just the first. */
public class ValidationException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public ValidationException(String subject, List<Problem> problems) {
    super(
        subject
            + " is invalid ("
            + problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + "):\n"
            + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
