package dev.syngen.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.schema.DbSchema.DbCheck;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CHECK spellings of PostgreSQL, SQLite and MariaDB read as ranges and lists. */
class CheckParserTest {
  @Test
  void readsPostgresRangesWithCastsAndParentheses() {
    DbCheck c = CheckParser.parse("CHECK (((quantity >= 1) AND (quantity <= 20)))");
    assertEquals("quantity", c.column());
    assertEquals(1.0, c.min());
    assertEquals(20.0, c.max());
    assertFalse(c.minExclusive());

    DbCheck price = CheckParser.parse("CHECK ((price > (0)::numeric))");
    assertEquals(0.0, price.min());
    assertTrue(price.minExclusive());
    assertNull(price.max());
  }

  @Test
  void readsInListsInEverySpelling() {
    List<String> abc = List.of("retail", "business", "vip");
    assertEquals(
        abc,
        CheckParser.parse(
                "CHECK (((segment)::text = ANY ((ARRAY['retail'::character varying,"
                    + " 'business'::character varying, 'vip'::character varying])::text[])))")
            .values());
    assertEquals(abc, CheckParser.parse("segment IN ('retail','business','vip')").values());
    assertEquals(abc, CheckParser.parse("`segment` in ('retail','business','vip')").values());
    assertEquals(List.of("it's"), CheckParser.parse("s IN ('it''s')").values());
  }

  @Test
  void readsBetweenAndNegativeBounds() {
    DbCheck c = CheckParser.parse("`rating` between 1 and 5");
    assertEquals(1.0, c.min());
    assertEquals(5.0, c.max());
    DbCheck t = CheckParser.parse("temp >= -40 AND temp < 60");
    assertEquals(-40.0, t.min());
    assertEquals(60.0, t.max());
    assertTrue(t.maxExclusive());
  }

  @Test
  void keepsOtherChecksAsTextOnly() {
    for (String text :
        List.of(
            "length(name) > 2",
            "a < b",
            "x > 1 OR x < -1",
            "a > 1 AND b < 2",
            "json_valid(`doc`)")) {
      DbCheck c = CheckParser.parse(text);
      assertFalse(c.simple(), text);
      assertEquals(text, c.text());
    }
  }
}
