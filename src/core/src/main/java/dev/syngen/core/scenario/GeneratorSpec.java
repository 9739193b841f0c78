package dev.syngen.core.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A column's generator as written in the scenario: a type name and raw parameters. */
public record GeneratorSpec(String type, Map<String, Object> params) {
  public GeneratorSpec {
    params = params == null ? Map.of() : Collections.unmodifiableMap(params);
  }

  /**
   * Parameters in the order given ({@code "min", 1, "max", 9}), for generators that syngen writes
   * itself: {@code Map.of} iterates in an order that changes from one JVM to the next, and drafted
   * scenarios and {@code scenario show} print these maps.
   */
  public static Map<String, Object> params(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("parameters come as key, value pairs");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(m);
  }
}
