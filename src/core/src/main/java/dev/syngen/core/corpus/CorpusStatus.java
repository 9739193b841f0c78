package dev.syngen.core.corpus;

import java.util.Locale;

/** Where a corpus is in its lifecycle: registered, then validated, then ready, or rejected. */
public enum CorpusStatus {
  REGISTERED,
  VALIDATED,
  READY,
  REJECTED;

  /** The lower-case name used in files, JSON and the console. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
