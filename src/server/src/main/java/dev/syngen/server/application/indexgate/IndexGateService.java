package dev.syngen.server.application.indexgate;

import java.util.List;
import java.util.Optional;

/** Runs index gates on stored PostgreSQL targets and keeps the latest reports. */
public interface IndexGateService {
  /** Runs a gate (one at a time), keeps and returns its report. */
  StoredGate run(IndexGateRequest request);

  /** A kept report by id. */
  Optional<StoredGate> find(String id);

  /** The kept reports, newest first. */
  List<StoredGate> recent();

  /** The packs that ship a PostgreSQL query set. */
  List<String> packs();
}
