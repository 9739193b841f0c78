package dev.syngen.server.interfaces.console;

/**
 * A validation problem as a form shows it: the form field it belongs to, what is wrong, the fix.
 */
public record FieldProblem(String field, String path, String message, String fix) {
  public String text() {
    return (path == null || path.isEmpty() ? "" : path + ": ") + message + " — " + fix;
  }
}
