package dev.syngen.core.generate;

import dev.syngen.core.random.Law;

/**
 * A generator whose values follow a known probability law. The fidelity validator turns the law
 * into an expectation of its own, so declaring a distribution is also declaring what to check.
 */
public interface Distributed {
  /** The law of the values, or null where this configuration follows no fixed law. */
  Law law();
}
