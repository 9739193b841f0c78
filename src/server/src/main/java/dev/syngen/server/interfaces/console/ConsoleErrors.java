package dev.syngen.server.interfaces.console;

import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.server.application.error.ApiException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import java.util.ArrayList;
import java.util.List;

/** What the console tells a user when a service refuses: plain sentences, never a stack trace. */
public final class ConsoleErrors {
  private ConsoleErrors() {}

  /** The cause that matters, without the EJB container's wrappers. */
  public static RuntimeException unwrap(RuntimeException e) {
    RuntimeException r = e;
    while (r instanceof EJBException
        && !(r instanceof EJBAccessException)
        && r.getCause() instanceof RuntimeException c) {
      r = c;
    }
    return r;
  }

  /** One line for a page's message area. */
  public static String message(RuntimeException e) {
    RuntimeException r = unwrap(e);
    if (r instanceof EJBAccessException) {
      return "Only an admin may do this; you are signed in as a viewer.";
    }
    if (r instanceof ApiException a) {
      return a.title() + ": " + a.getMessage();
    }
    if (r instanceof ValidationException v) {
      return v.problems().size() + " problem(s): " + v.problems().get(0);
    }
    return "The server could not do this: " + r.getMessage();
  }

  /** The field problems of a validation failure (empty for any other failure). */
  public static List<Problem> problems(RuntimeException e) {
    RuntimeException r = unwrap(e);
    return r instanceof ValidationException v ? v.problems() : List.of();
  }

  /** Maps problem paths to form fields through {@code fieldOf}; unmatched ones get field null. */
  public static List<FieldProblem> toFields(
      List<Problem> problems, java.util.function.Function<String, String> fieldOf) {
    List<FieldProblem> out = new ArrayList<>();
    for (Problem p : problems) {
      out.add(new FieldProblem(fieldOf.apply(p.path()), p.path(), p.message(), p.fix()));
    }
    return out;
  }
}
