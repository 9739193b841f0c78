package dev.syngen.core.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.consumer.CompletenessLedger.Update;
import org.junit.jupiter.api.Test;

class CompletenessLedgerTest {
  private final CompletenessLedger ledger = new CompletenessLedger(4, 1_000);

  private void receive(String run, String entity, long from, long to) {
    for (long r = from; r < to; r++) {
      assertFalse(ledger.record(run, entity, r).report(), "before the end nothing is reported");
    }
  }

  @Test
  void everyRowOnceThenTheEndIsComplete() {
    receive("r1", "orders", 0, 500);
    ConsumerCheck c = ledger.end("r1", "orders", 500).check();
    assertEquals(new ConsumerCheck("r1", "orders", 500L, 500, 0, 0L, 0, 0, true), c);
  }

  @Test
  void aLostRowAndARepeatedRowAreCountedAndNotComplete() {
    receive("r1", "orders", 0, 10);
    receive("r1", "orders", 11, 20);
    ledger.record("r1", "orders", 3);
    ConsumerCheck c = ledger.end("r1", "orders", 20).check();
    assertEquals(19, c.received());
    assertEquals(1, c.duplicates());
    assertEquals(1L, c.missing());
    assertFalse(c.complete());
  }

  @Test
  void entitiesAndRunsAreSeparate() {
    receive("r1", "orders", 0, 5);
    receive("r2", "orders", 0, 3);
    receive("r1", "users", 0, 2);
    assertEquals(5, ledger.end("r1", "orders", 5).check().received());
    assertEquals(3, ledger.end("r2", "orders", 3).check().received());
    assertEquals(2L, ledger.end("r1", "users", 4).check().missing());
  }

  @Test
  void aLateRecordIsReportedWhenItCompletesTheEntityOrRepeatsARow() {
    receive("r1", "e", 0, 8);
    Update atEnd = ledger.end("r1", "e", 10);
    assertEquals(2L, atEnd.check().missing());
    assertFalse(ledger.record("r1", "e", 8).report());
    Update last = ledger.record("r1", "e", 9);
    assertTrue(last.report());
    assertTrue(last.check().complete());
    Update repeat = ledger.record("r1", "e", 9);
    assertTrue(repeat.report());
    assertFalse(repeat.check().complete());
    assertEquals(1, repeat.check().duplicates());
  }

  @Test
  void rowsOutsideTheEntityAreUnexpectedAndBeyondTheLimitUntracked() {
    receive("r1", "e", 0, 3);
    ledger.record("r1", "e", 7);
    ledger.record("r1", "e", -1);
    ConsumerCheck c = ledger.end("r1", "e", 3).check();
    assertEquals(2, c.unexpected());
    assertFalse(c.complete());
    receive("r2", "big", 0, 1_200);
    ConsumerCheck big = ledger.end("r2", "big", 1_200).check();
    assertEquals(200, big.untracked());
    assertEquals(1_200, big.received());
    assertEquals(0L, big.missing());
    assertFalse(big.complete(), "rows beyond the limit cannot be verified");
  }

  @Test
  void theLeastRecentlyUsedTallyIsDroppedBeyondTheLimit() {
    for (int run = 0; run < 5; run++) {
      receive("r" + run, "e", 0, 2);
    }
    // r0 was dropped: its end sees none of the rows received before
    assertEquals(0, ledger.end("r0", "e", 2).check().received());
    assertEquals(2, ledger.end("r4", "e", 2).check().received());
  }

  @Test
  void beforeTheEndNothingIsExpected() {
    ConsumerCheck c = ledger.end("r1", "e", 0).check();
    assertTrue(c.complete(), "an empty entity is complete at its end");
    assertNull(new EntityTally("r", "e", 10).check().expected());
    assertThrows(IllegalArgumentException.class, () -> new CompletenessLedger(0, 1));
  }
}
