package dev.syngen.core.scenario;

import java.util.Map;

/** A column's generator as written in the scenario: a type name and raw parameters. */
public record GeneratorSpec(String type, Map<String, Object> params) {
  public GeneratorSpec {
    params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(params);
  }
}
