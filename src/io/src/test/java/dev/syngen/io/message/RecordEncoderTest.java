package dev.syngen.io.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.Fixtures;
import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.sink.PayloadShape;
import dev.syngen.core.sink.RunContext;
import dev.syngen.core.sink.SinkException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordEncoderTest {
  private final CompiledPlan plan = MessageRuns.plan(100);
  private final CompiledEntity readings = Fixtures.compiled(plan, "readings");

  private Records encode(PayloadShape shape, KeyColumns keys) {
    RunContext ctx = RunContext.of(plan, "r").withPayload(shape);
    return new Encoders(ctx, keys).of(readings).encode(new RowBatch(readings, 100).fill(0, 100));
  }

  private static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }

  @Test
  void naturalRecordsAreTheNdjsonLinesAndKeysTheKeyColumnsText() {
    Records r = encode(PayloadShape.NATURAL, new KeyColumns("device_id", Map.of()));
    String first = text(r.values()[0]);
    assertTrue(
        first.matches(
            "\\{\"reading_id\":1,\"device_id\":\"[0-9a-f-]{36}\",\"value\":[-0-9.E]+,\"observed_at\":\"[^\"]+Z\"}"),
        first);
    assertEquals(first.replaceAll(".*\"device_id\":\"([^\"]+)\".*", "$1"), text(r.keys()[0]));
    assertNull(r.weights());
  }

  @Test
  void paddingMakesEveryRecordExactlyTheSizeAndIsReproducible() {
    Records a = encode(new PayloadShape(256, null, false), null);
    Records b = encode(new PayloadShape(256, null, false), null);
    for (int i = 0; i < a.count(); i++) {
      assertEquals(256, a.values()[i].length);
      assertEquals(text(a.values()[i]), text(b.values()[i]));
      assertTrue(text(a.values()[i]).contains(",\"_pad\":\""));
    }
    assertEquals(256L * 100, a.bytes());
  }

  @Test
  void templatesTakeColumnValuesAndTheRowIndex() {
    Records r =
        encode(
            new PayloadShape(0, "{\"n\":{{_row}},\"v\":{{value}},\"d\":{{device_id}}}", false),
            null);
    String first = text(r.values()[0]);
    assertTrue(first.matches("\\{\"n\":0,\"v\":[-0-9.E]+,\"d\":\"[0-9a-f-]{36}\"}"), first);
  }

  @Test
  void sampledRecordsCarryTheirWeight() {
    Records r = encode(new PayloadShape(10_000, null, true), null);
    double w = Double.parseDouble(r.weights()[0]);
    assertEquals(10_000.0 / r.values()[0].length, w, 0.001);
  }

  @Test
  void aTemplateNoEntityCanFillFailsBeforeSending() {
    RunContext ctx =
        RunContext.of(plan, "r").withPayload(new PayloadShape(0, "{\"x\":{{nope}}}", false));
    SinkException e =
        assertThrows(SinkException.class, () -> new Encoders(ctx, null).check(plan.included()));
    assertTrue(e.getMessage().contains("[nope]"), e.getMessage());
    assertEquals(
        List.of("nope"), List.copyOf(PayloadTemplate.columnsOf("{\"x\":{{nope}},\"r\":{{_row}}}")));
  }
}
