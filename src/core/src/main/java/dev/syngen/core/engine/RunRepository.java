package dev.syngen.core.engine;

import java.util.List;
import java.util.Optional;

/** Where run records live: files for the CLI, JPA in the server. */
public interface RunRepository {
  void save(RunRecord run);

  Optional<RunRecord> find(String id);

  /** Newest first; {@code status} null for all. */
  List<RunRecord> list(int limit, RunStatus status);

  /**
   * This repository, saving {@code before.apply(record)} instead of each record (reads unchanged):
   * a hook that corrects a record, or does something just before it becomes visible.
   */
  default RunRepository savingThrough(java.util.function.UnaryOperator<RunRecord> before) {
    RunRepository self = this;
    return new RunRepository() {
      @Override
      public void save(RunRecord run) {
        self.save(before.apply(run));
      }

      @Override
      public Optional<RunRecord> find(String id) {
        return self.find(id);
      }

      @Override
      public List<RunRecord> list(int limit, RunStatus status) {
        return self.list(limit, status);
      }
    };
  }
}
