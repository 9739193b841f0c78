package dev.syngen.server.application.scenario;

import dev.syngen.core.schema.DraftRequest;

/** Drafting a scenario from the schema behind a configured target (admin only). */
public interface ScenarioDrafts {
  /** The most tables one request drafts. */
  int MAX_TABLES = 200;

  /** The most rows one request samples per table. */
  int MAX_SAMPLE = 100_000;

  /**
   * Reads the target's schema, samples it and drafts a scenario; with {@code save}, writes it to
   * {@code <id>.yaml} in the scenarios directory ({@code overwrite} to replace one).
   */
  DraftOutcome draft(String targetId, DraftRequest request, boolean save, boolean overwrite);
}
