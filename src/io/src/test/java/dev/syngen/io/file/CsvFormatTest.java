package dev.syngen.io.file;

import static dev.syngen.core.Fixtures.col;
import static dev.syngen.core.Fixtures.compile;
import static dev.syngen.core.Fixtures.compiled;
import static dev.syngen.core.Fixtures.entity;
import static dev.syngen.core.Fixtures.gen;
import static dev.syngen.core.Fixtures.scenario;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.plan.CompiledColumn;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.io.encode.ByteBuf;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CSV quoting is decided per column from what its generator can emit, and whatever the decision,
 * every text reads back exactly as generated (commas, quotes, empty text, non-ASCII).
 */
class CsvFormatTest {
  private static final CompiledEntity ENTITY =
      compiled(
          compile(
              scenario(
                  entity(
                      "t",
                      500,
                      col("id", ColumnType.BIGINT, gen("sequence")),
                      col("tier", ColumnType.STRING, gen("choice", "values", List.of("a", "b"))),
                      col(
                          "odd",
                          ColumnType.STRING,
                          gen("choice", "values", List.of("x,y", "say \"hi\"", "", "ü"))),
                      col("company", ColumnType.STRING, gen("faker_company")),
                      col("who", ColumnType.STRING, gen("faker_name", "locale", "ja")),
                      col("n_text", ColumnType.STRING, gen("uniform_int", "min", 1, "max", 9)))),
              3),
          "t");

  @Test
  void quotingIsDecidedPerColumnFromTheGenerator() {
    List<Boolean> plain =
        ENTITY.columns().stream().skip(1).map(c -> c.generator().plainText()).toList();
    assertEquals(List.of(true, false, false, true, true), plain, "tier, odd, company, who, n_text");
  }

  @Test
  void everyTextReadsBackAsGenerated() throws IOException {
    RowBatch batch = new RowBatch(ENTITY, 500).fill(0, 500);
    ByteBuf out = new ByteBuf(1024);
    new CsvFormat().encode(batch, out, null);
    try (CsvReader r = new CsvReader(new ByteArrayInputStream(out.toArray()))) {
      List<String> record = new ArrayList<>();
      boolean sawQuote = false;
      for (int row = 0; row < 500; row++) {
        assertTrue(r.read(record), "row " + row);
        for (int c = 1; c < ENTITY.columns().size(); c++) {
          CompiledColumn col = ENTITY.columns().get(c);
          String expected = col.generator().stringAt(col.key(), row);
          assertEquals(expected, record.get(c), col.name() + " row " + row);
          sawQuote |= expected.contains("\"");
        }
      }
      assertTrue(sawQuote, "the fixture must exercise quotes");
      assertFalse(r.read(record));
    }
  }
}
