package dev.syngen.server.application.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An order's chunks: an executor writes the same chunks the dispatcher's step checkpoints. */
class ChunkOrderTest {
  @Test
  void anOrderWalksThePartitionInChunksOfItsFirstChunksSizeTheLastEndingAtTheEnd() {
    List<String> chunks = new ArrayList<>();
    ChunkOrder chunk = new ChunkOrder("r", "items", 0, 100_000, 200_000, 350_000);
    chunks.add(chunk.from() + ".." + chunk.to());
    while (chunk.hasNext()) {
      chunk = chunk.next();
      chunks.add(chunk.from() + ".." + chunk.to());
    }
    assertEquals(List.of("100000..200000", "200000..300000", "300000..350000"), chunks);
    assertEquals("rows 300000..350000 of items (partition from row 0)", chunk.toString());
  }

  @Test
  void anOrderOfOneChunkHasNoNext() {
    ChunkOrder one = new ChunkOrder("r", "items", 0, 0, 100, 100);
    assertFalse(one.hasNext());
    assertThrows(IllegalStateException.class, one::next);
    assertTrue(new ChunkOrder("r", "items", 0, 0, 100, 101).hasNext());
  }

  @Test
  void anOrderThatCoversNoRowsOrEndsBeforeItsChunkIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new ChunkOrder("r", "items", 0, 100, 100, 200));
    assertEquals("a chunk order needs from < to <= end, not 100, 100, 200", e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> new ChunkOrder("r", "items", 0, 0, 200, 100));
  }
}
