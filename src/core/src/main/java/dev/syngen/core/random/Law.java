package dev.syngen.core.random;

import java.util.List;
import org.apache.commons.math3.distribution.IntegerDistribution;
import org.apache.commons.math3.distribution.RealDistribution;

/**
 * The probability law a column's values follow, as declared by its generator or by an expectation:
 * what the fidelity validator tests generated data against. Continuous and discrete laws are
 * commons-math3 distributions; categorical laws list values (as text) with their probabilities.
 */
public sealed interface Law {
  /** A readable description such as {@code lognormal(mu=3.2, sigma=0.6)}. */
  String name();

  /** A law over real numbers (or instants as epoch milliseconds). */
  record Continuous(String name, RealDistribution distribution) implements Law {}

  /** A law over whole numbers. */
  record Discrete(String name, IntegerDistribution distribution) implements Law {}

  /** A law over a finite set of values written as text. */
  record Categorical(String name, List<String> values, List<Double> probabilities) implements Law {
    public Categorical {
      values = List.copyOf(values);
      probabilities = List.copyOf(probabilities);
      if (values.size() != probabilities.size()) {
        throw new IllegalArgumentException("one probability per value");
      }
    }
  }
}
