package dev.syngen.io.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.corpus.CorpusRules;
import dev.syngen.core.corpus.CorpusSource;
import dev.syngen.core.corpus.CorpusStatus;
import dev.syngen.core.problem.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusDirectoryTest {
  @TempDir Path tmp;

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aReadyCorpusIsStoredWithItsHistoryAndFoundAgain() throws IOException {
    CorpusDirectory dir = new CorpusDirectory(tmp.resolve("c"));
    StoredCorpus c =
        dir.add(
            "towns",
            "towns.txt",
            utf8("Lisbon\nPorto\n"),
            CorpusSource.TEXT,
            CorpusRules.DEFAULTS,
            false);
    assertEquals(CorpusStatus.READY, c.status());
    assertEquals(
        List.of(CorpusStatus.REGISTERED, CorpusStatus.VALIDATED, CorpusStatus.READY),
        c.history().stream().map(s -> s.event().status()).toList());
    CorpusDirectory again = new CorpusDirectory(tmp.resolve("c"));
    assertEquals(c, again.record("towns").orElseThrow());
    assertEquals(c.hash(), again.find("towns").orElseThrow().hash());
    assertEquals(List.of("towns"), List.copyOf(again.names()));
    assertTrue(again.remove("towns"));
    assertFalse(again.find("towns").isPresent());
    assertFalse(Files.exists(tmp.resolve("c").resolve("towns.txt")));
  }

  @Test
  void aRejectedCorpusWritesNothing() {
    CorpusDirectory dir = new CorpusDirectory(tmp.resolve("c"));
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                dir.add(
                    "cards",
                    "cards.txt",
                    utf8("5500 0000 0000 0004\n"),
                    CorpusSource.TEXT,
                    CorpusRules.DEFAULTS,
                    false));
    assertEquals("file", e.problems().get(0).path());
    assertFalse(Files.exists(tmp.resolve("c")));
  }

  @Test
  void shippedCorporaAreReadFromTextAndCsvAndBadOnesSayWhy() throws IOException {
    Path shipped = Files.createDirectories(tmp.resolve("corpora"));
    Files.writeString(shipped.resolve("words.txt"), "a\nb\n");
    Files.writeString(shipped.resolve("weighted.csv"), "value,weight\nx,3\ny,1\n");
    Files.write(shipped.resolve("broken.txt"), new byte[] {(byte) 0xff, (byte) 0xfe, 'a'});
    BundledCorpora b = new BundledCorpora(shipped);
    assertEquals(List.of("broken", "weighted", "words"), List.copyOf(b.names()));
    assertEquals(2, b.find("words").orElseThrow().content().size());
    assertTrue(b.find("weighted").orElseThrow().content().weighted());
    assertFalse(b.find("broken").isPresent());
    assertTrue(b.problem("broken").orElseThrow().contains("UTF-8"));
  }
}
