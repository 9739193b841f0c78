package dev.syngen.server.application.target;

import dev.syngen.core.sink.TargetTestResult;
import java.util.List;

/** The target use cases behind the REST API. */
public interface TargetService {
  List<StoredTarget> list();

  StoredTarget get(String id);

  /** Validates and stores a new target; 409 if the id is taken. */
  StoredTarget create(TargetSpec spec);

  /**
   * Validates and replaces a target's definition; a secret sent as the mask the API shows keeps the
   * stored one.
   */
  StoredTarget update(String id, TargetSpec spec);

  void delete(String id);

  /** Connects to the target and reports what syngen may do there. */
  TargetTestResult test(String id);
}
