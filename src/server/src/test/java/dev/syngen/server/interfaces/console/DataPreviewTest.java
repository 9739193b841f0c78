package dev.syngen.server.interfaces.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.syngen.core.engine.ColumnVector;
import dev.syngen.core.scenario.ValueKind;
import org.junit.jupiter.api.Test;

class DataPreviewTest {
  @Test
  void formatsEachKindAsTheTargetsShowIt() {
    ColumnVector longs = new ColumnVector(ValueKind.LONG, 2, true);
    longs.longs[0] = 42;
    longs.nulls[1] = true;
    assertEquals("42", DataPreview.cell(longs, 0));
    assertEquals("NULL", DataPreview.cell(longs, 1));
    ColumnVector dates = new ColumnVector(ValueKind.DATE, 1, false);
    dates.longs[0] = 0;
    assertEquals("1970-01-01", DataPreview.cell(dates, 0));
    ColumnVector bools = new ColumnVector(ValueKind.BOOL, 1, false);
    bools.longs[0] = 1;
    assertEquals("true", DataPreview.cell(bools, 0));
    ColumnVector uuids = new ColumnVector(ValueKind.UUID, 1, false);
    uuids.longs[0] = 1;
    uuids.lows[0] = 2;
    assertNotEquals("", DataPreview.cell(uuids, 0));
  }
}
