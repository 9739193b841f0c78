package dev.syngen.server.application.fidelity;

import java.util.Optional;

/** Checks the data a run wrote against what its scenario declares, and keeps the reports. */
public interface RunFidelityService {
  /** Reads the run's data back from its target, judges it GO or NO-GO and stores the report. */
  StoredFidelity check(String runId, FidelityRequest request);

  /** The newest report of a run, if it was ever checked. */
  Optional<StoredFidelity> latest(String runId);
}
