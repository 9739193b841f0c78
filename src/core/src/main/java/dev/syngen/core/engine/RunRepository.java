package dev.syngen.core.engine;

import java.util.List;
import java.util.Optional;

/** Where run records live: files for the CLI, JPA in the server. */
public interface RunRepository {
  void save(RunRecord run);

  Optional<RunRecord> find(String id);

  /** Newest first; {@code status} null for all. */
  List<RunRecord> list(int limit, RunStatus status);
}
