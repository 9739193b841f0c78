package dev.syngen.server.application.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.syngen.core.plan.RunOverrides;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverridesCodecTest {
  @Test
  void overridesSurviveTheStoredMapEvenWithJsonNumberTypes() {
    RunOverrides o =
        new RunOverrides(
            42L,
            Instant.parse("2026-02-03T04:05:06Z"),
            0.5,
            Map.of("orders", 2.0),
            Map.of("customers", 10L),
            List.of("customers", "orders"),
            List.of());
    Map<String, Object> stored = new LinkedHashMap<>(OverridesCodec.toMap(o));
    // JSON-B reads numbers back as BigDecimal
    stored.put("seed", new BigDecimal("42"));
    stored.put("scale", new BigDecimal("0.5"));
    stored.put("entity_counts", Map.of("customers", new BigDecimal("10")));

    assertEquals(o, OverridesCodec.fromMap(stored));
  }

  @Test
  void emptyOverridesStoreNothing() {
    assertEquals(Map.of(), OverridesCodec.toMap(RunOverrides.NONE));
    assertEquals(RunOverrides.NONE, OverridesCodec.fromMap(Map.of()));
  }
}
