package dev.syngen.server.application.scenario;

/** Saving a scenario written in the browser into the scenarios directory. */
public interface ScenarioEditor {
  /**
   * Validates {@code document} and writes it as {@code scenarios/<id>.yaml}, replacing a file of
   * that name only when {@code replace}; audited. Returns the file name written.
   */
  String save(String id, String document, boolean replace);
}
