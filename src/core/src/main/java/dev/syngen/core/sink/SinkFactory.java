package dev.syngen.core.sink;

import dev.syngen.core.problem.Problems;
import java.util.Set;

/** Opens sinks for target profiles; implemented by the io layer, one entry per target kind. */
public interface SinkFactory {
  Set<String> kinds();

  /** Checks a profile without connecting; problems carry paths such as {@code dsn}. */
  void validate(TargetProfile profile, Problems problems);

  Sink open(TargetProfile profile);

  /**
   * Opens a sink for one run. Message targets stamp every message with the run's identity; the
   * default ignores the context, so targets that store rows (databases, files) need not care.
   */
  default Sink open(TargetProfile profile, RunContext context) {
    return open(profile);
  }

  /** Connects and checks what the target allows; never throws. */
  TargetTestResult test(TargetProfile profile);
}
