package dev.syngen.server.interfaces.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.syngen.server.infrastructure.tracing.SpanRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanLineTest {
  private static final String T = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final Instant START = Instant.parse("2026-12-03T18:00:00Z");

  @Test
  void spansAreIndentedUnderTheirParentsWithOffsetsFromTheRunsStart() {
    List<SpanLine> lines =
        SpanLine.of(
            List.of(
                new SpanRecord(T, "r", "caller", "run demo", START, 120_000, 1_000),
                new SpanRecord(T, "e", "r", "entity people", START.plusMillis(5), 80_500, 1_000),
                new SpanRecord(T, "w", "e", "write people", START.plusMillis(7), 1_250, -1)));
    assertEquals(List.of(0, 1, 2), lines.stream().map(SpanLine::depth).toList());
    assertEquals(List.of("0.0", "5.0", "7.0"), lines.stream().map(SpanLine::startMs).toList());
    assertEquals(
        List.of("120.0", "80.5", "1.3"), lines.stream().map(SpanLine::durationMs).toList());
    assertEquals(T, lines.get(0).traceId());
  }

  @Test
  void noSpansNoLines() {
    assertEquals(List.of(), SpanLine.of(List.of()));
  }
}
