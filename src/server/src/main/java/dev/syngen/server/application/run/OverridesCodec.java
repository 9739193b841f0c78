package dev.syngen.server.application.run;

import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.traffic.TrafficRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts run overrides to the plain map stored with a run (snake_case keys, as in the request)
 * and back, so a rerun rebuilds exactly the overrides of the original. The scale band and the
 * traffic are stored beside them under their own keys.
 */
public final class OverridesCodec {
  private OverridesCodec() {}

  public static Map<String, Object> toMap(RunOverrides o, String band, TrafficRequest traffic) {
    Map<String, Object> m = toMap(o);
    putIf(m, "band", band);
    m.putAll(traffic.asMap());
    return m;
  }

  public static Map<String, Object> toMap(RunOverrides o) {
    Map<String, Object> m = new LinkedHashMap<>();
    putIf(m, "seed", o.seed());
    putIf(m, "as_of", o.asOf() == null ? null : o.asOf().toString());
    putIf(m, "scale", o.scale());
    putIf(m, "entity_scales", o.entityScales().isEmpty() ? null : o.entityScales());
    putIf(m, "entity_counts", o.entityCounts().isEmpty() ? null : o.entityCounts());
    putIf(m, "include_entities", o.includeEntities().isEmpty() ? null : o.includeEntities());
    putIf(m, "exclude_entities", o.excludeEntities().isEmpty() ? null : o.excludeEntities());
    return m;
  }

  public static RunOverrides fromMap(Map<String, ?> m) {
    Number seed = (Number) m.get("seed");
    Object asOf = m.get("as_of");
    Number scale = (Number) m.get("scale");
    Map<String, Double> scales = new LinkedHashMap<>();
    numbers(m.get("entity_scales")).forEach((k, v) -> scales.put(k, v.doubleValue()));
    Map<String, Long> counts = new LinkedHashMap<>();
    numbers(m.get("entity_counts")).forEach((k, v) -> counts.put(k, v.longValue()));
    return new RunOverrides(
        seed == null ? null : seed.longValue(),
        asOf == null ? null : Instant.parse(asOf.toString()),
        scale == null ? null : scale.doubleValue(),
        scales,
        counts,
        strings(m.get("include_entities")),
        strings(m.get("exclude_entities")));
  }

  private static Map<String, Number> numbers(Object v) {
    Map<String, Number> out = new LinkedHashMap<>();
    if (v instanceof Map<?, ?> map) {
      map.forEach((k, n) -> out.put(String.valueOf(k), (Number) n));
    }
    return out;
  }

  private static List<String> strings(Object v) {
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> list) {
      list.forEach(x -> out.add(String.valueOf(x)));
    }
    return out;
  }

  private static void putIf(Map<String, Object> m, String key, Object value) {
    if (value != null) {
      m.put(key, value);
    }
  }
}
