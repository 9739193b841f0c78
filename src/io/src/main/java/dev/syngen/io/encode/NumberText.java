package dev.syngen.io.encode;

import com.fasterxml.jackson.core.io.NumberOutput;

/**
 * Shortest round-trip text of a double. On JDK 17, {@code Double.toString} is slow enough to
 * dominate file output, so this uses Jackson's Schubfach implementation (the algorithm JDK 19+
 * adopted); the text is the same shortest representation.
 */
public final class NumberText {
  private NumberText() {}

  public static String of(double v) {
    return NumberOutput.toString(v, true);
  }
}
