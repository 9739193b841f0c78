package dev.syngen.server.interfaces.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThroughputHistoryTest {
  private static ThroughputHistory filled(int seconds, double heapUsed, long gcMillis) {
    ThroughputHistory h = new ThroughputHistory(300);
    for (int i = 0; i < seconds; i++) {
      h.add(
          new ThroughputHistory.Sample(
              1_000L * i, 100, 0, new JvmResources.Reading(0.5, heapUsed, 1024, gcMillis, 40)));
    }
    return h;
  }

  @Test
  void aSampleCarriesTheJvmResourcesInPercentAndMebibytes() {
    JsonObject o =
        ThroughputHistory.json(
                new ThroughputHistory.Sample(
                    7, 12.5, 0.1, new JvmResources.Reading(0.1234, 300.4, 1024, 17, 55)))
            .build();
    assertEquals(12.3, o.getJsonNumber("cpu").doubleValue(), 1e-9);
    assertEquals(300, o.getInt("heapUsedMb"));
    assertEquals(1024, o.getInt("heapMaxMb"));
    assertEquals(17, o.getInt("gcMillis"));
    assertEquals(55, o.getInt("threads"));
    assertEquals(12.5, o.getJsonNumber("rowsPerSecond").doubleValue(), 1e-9);
  }

  @Test
  void aFullHeapOrLongGcPausesLookMemoryBoundAndAQuietMinuteDoesNot() {
    assertNull(filled(60, 400, 5).memoryBound(60));
    String heap = filled(60, 950, 5).memoryBound(60);
    assertTrue(heap.startsWith("heap above 85% of its maximum in 60 of the last 60 s"), heap);
    String gc = filled(60, 400, 250).memoryBound(60);
    assertTrue(gc.endsWith("garbage collection took 25% of the time"), gc);
    assertNull(filled(5, 950, 500).memoryBound(60), "too few samples to say");
  }

  @Test
  void theMemoryPromptNamesWhatWasSeenAndTheFix() {
    List<Prompt> out = new ArrayList<>();
    PromptAdvisor.memoryPrompt(null, out);
    assertTrue(out.isEmpty());
    PromptAdvisor.memoryPrompt("heap above 85% …", out);
    assertEquals(1, out.size());
    assertEquals(Prompt.TROUBLE, out.get(0).group());
    assertTrue(out.get(0).detail().contains("-Xmx"), out.get(0).detail());
  }

  @Test
  void readingsComeFromThisJvm() {
    JvmResources jvm = new JvmResources();
    JvmResources.Reading r = jvm.read();
    assertTrue(r.heapUsedMb() > 0 && r.heapMaxMb() >= r.heapUsedMb(), r.toString());
    assertTrue(r.threads() > 0, r.toString());
    assertEquals(0, r.gcMillis(), "the first reading has no interval");
    System.gc();
    assertTrue(jvm.read().gcMillis() >= 0);
  }
}
