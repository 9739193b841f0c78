package dev.syngen.core.plan;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back the overrides a run recorded (scale, entity scales and counts, included and excluded
 * entities, band) so its plan can be compiled again exactly, with the run's own seed and as_of.
 */
public final class RecordedOverrides {
  private RecordedOverrides() {}

  public static RunOverrides of(Map<String, Object> recorded, long seed, Instant asOf) {
    return new RunOverrides(
        seed,
        asOf,
        recorded.get("scale") instanceof Number n ? n.doubleValue() : null,
        numbers(recorded.get("entity_scales"), Number::doubleValue),
        numbers(recorded.get("entity_counts"), Number::longValue),
        strings(recorded.get("include_entities")),
        strings(recorded.get("exclude_entities")));
  }

  /** The band the run used, or null. */
  public static String band(Map<String, Object> recorded) {
    return recorded.get("band") instanceof String s ? s : null;
  }

  private static <T> Map<String, T> numbers(
      Object raw, java.util.function.Function<Number, T> convert) {
    Map<String, T> out = new LinkedHashMap<>();
    if (raw instanceof Map<?, ?> m) {
      m.forEach(
          (k, v) -> {
            if (v instanceof Number n) {
              out.put(String.valueOf(k), convert.apply(n));
            }
          });
    }
    return out;
  }

  private static List<String> strings(Object raw) {
    return raw instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
  }
}
