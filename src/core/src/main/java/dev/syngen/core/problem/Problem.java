package dev.syngen.core.problem;

/**
 * One validation problem: where it is ({@code entities[1].columns[3].generator.params.max}), what
 * is wrong, and how to fix it.
 */
public record Problem(String path, String message, String fix) {
  @Override
  public String toString() {
    return (path.isEmpty() ? "" : path + ": ")
        + message
        + (fix == null ? "" : " (fix: " + fix + ")");
  }
}
