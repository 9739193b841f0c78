package dev.syngen.core.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.corpus.CorpusAdmission.Admission;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorpusAdmissionTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Admission text(String content) {
    return CorpusAdmission.admit("colours", utf8(content), CorpusSource.TEXT, CorpusRules.DEFAULTS);
  }

  @Test
  void aGoodFileGoesRegisteredValidatedReady() {
    Admission a = text("red\ngreen\nblue\n");
    assertTrue(a.ready());
    assertEquals(
        List.of(CorpusStatus.REGISTERED, CorpusStatus.VALIDATED, CorpusStatus.READY),
        a.events().stream().map(CorpusEvent::status).toList());
    assertEquals(List.of("red", "green", "blue"), a.corpus().content().values());
    assertEquals("", a.reason());
  }

  @Test
  void invalidUtf8IsRejectedAsEncoding() {
    Admission a =
        CorpusAdmission.admit(
            "latin",
            new byte[] {'c', 'a', 'f', (byte) 0xe9},
            CorpusSource.TEXT,
            CorpusRules.DEFAULTS);
    assertEquals(CorpusStatus.REJECTED, a.status());
    assertNull(a.corpus());
    assertTrue(a.reason().contains("not valid UTF-8"), a.reason());
    assertTrue(a.problems().get(0).fix().contains("UTF-8"));
  }

  @Test
  void emptyAndBlankFilesAreRejected() {
    assertTrue(text("").reason().contains("empty"));
    assertTrue(text("\n   \n\r\n").reason().contains("empty"));
  }

  @Test
  void duplicatesBeyondTheThresholdAreRejected() {
    assertTrue(text("a\na\na\na\nb\n").reason().contains("too many duplicates"));
    assertTrue(text("a\na\nb\nc\n").ready(), "25 % duplicates is within the default 50 %");
    Admission strict =
        CorpusAdmission.admit(
            "d", utf8("a\na\nb\nc\n"), CorpusSource.TEXT, new CorpusRules(1000, 1000, 0.1, false));
    assertTrue(strict.reason().contains("3 of 4") || strict.reason().contains("1 of 4"));
    assertEquals(CorpusStatus.REJECTED, strict.status());
  }

  @Test
  void tooLargeByBytesOrValuesIsRejected() {
    CorpusRules small = new CorpusRules(10, 2, 0.5, false);
    assertTrue(
        CorpusAdmission.admit("big", utf8("abcdefghijkl"), CorpusSource.TEXT, small)
            .reason()
            .contains("too large: 12 bytes"));
    assertTrue(
        CorpusAdmission.admit("big", utf8("a\nb\nc"), CorpusSource.TEXT, small)
            .reason()
            .contains("too large: 3 values"));
  }

  @Test
  void personalDataIsRefusedUnlessAllowed() {
    Admission email = text("alpha\nsomeone@example.org\n");
    assertTrue(email.reason().contains("value 2 looks like an e-mail address"), email.reason());
    assertFalse(email.reason().contains("someone@"), "the value itself is never repeated");
    assertTrue(text("alpha\n+1 (555) 010-0199\n").reason().contains("phone number"));
    assertTrue(text("alpha\n4111 1111 1111 1111\n").reason().contains("payment card"));
    Admission allowed =
        CorpusAdmission.admit(
            "contacts",
            utf8("someone@example.org\n"),
            CorpusSource.TEXT,
            CorpusRules.DEFAULTS.allowingPersonalData(true));
    assertTrue(allowed.ready());
  }

  @Test
  void cardNumbersNeedTheLuhnCheckAndPlainIdsAreNotPhones() {
    assertTrue(PersonalData.luhn("4111111111111111"));
    assertFalse(PersonalData.luhn("4111111111111112"));
    assertTrue(PersonalData.kind("4111-1111-1111-1112").map(k -> !k.contains("card")).orElse(true));
    assertTrue(PersonalData.kind("123456789").isEmpty(), "a bare id is not a phone number");
    assertTrue(PersonalData.kind("2026-01-15").isEmpty(), "a date is not a phone number");
    assertTrue(PersonalData.kind("Lisbon").isEmpty());
  }

  @Test
  void badNamesAndSourcesAreRejectedBeforeReading() {
    Admission a =
        CorpusAdmission.admit(
            "Bad Name", utf8("x"), new CorpusSource("xml", null, null), CorpusRules.DEFAULTS);
    assertEquals(CorpusStatus.REJECTED, a.status());
    assertEquals(1, a.events().size());
    assertEquals(List.of("name", "format"), a.problems().stream().map(p -> p.path()).toList());
  }

  @Test
  void csvReadsTheColumnAndWeights() {
    CorpusSource src = new CorpusSource("csv", "city", "weight");
    Admission a =
        CorpusAdmission.admit(
            "cities",
            utf8("city,weight\nLisbon,3\n\"Porto, Norte\",1\nFaro,0.5\n"),
            src,
            CorpusRules.DEFAULTS);
    assertTrue(a.ready(), a.reason());
    assertEquals(List.of("Lisbon", "Porto, Norte", "Faro"), a.corpus().content().values());
    assertEquals(3.0, a.corpus().content().weight(0));
    assertEquals("Lisbon", a.corpus().content().top(1).get(0).value());
    assertEquals(3 / 4.5, a.corpus().content().top(1).get(0).share(), 1e-12);
  }

  @Test
  void csvProblemsNameTheField() {
    Admission missing =
        CorpusAdmission.admit(
            "c", utf8("a,b\n1,2\n"), new CorpusSource("csv", "city", null), CorpusRules.DEFAULTS);
    assertEquals("column", missing.problems().get(0).path());
    Admission badWeight =
        CorpusAdmission.admit(
            "c",
            utf8("city,w\nLisbon,lots\n"),
            new CorpusSource("csv", "city", "w"),
            CorpusRules.DEFAULTS);
    assertEquals("weights_column", badWeight.problems().get(0).path());
    assertTrue(badWeight.reason().contains("line 2"));
  }

  @Test
  void theHashCoversNormalisedContentOnly() {
    String h = text("red\ngreen\n").corpus().hash();
    assertEquals(64, h.length());
    assertEquals(h, text("\uFEFFred\r\n  green  \r\n\r\n").corpus().hash());
    assertEquals(h, text("re\u0301d\ngreen".replace("re\u0301d", "red")).corpus().hash());
    assertNotEquals(h, text("red\ngreen\nblue\n").corpus().hash());
    assertNotEquals(h, text("green\nred\n").corpus().hash(), "order matters for zipf");
    CorpusSource w = new CorpusSource("csv", "v", "w");
    String w1 =
        CorpusAdmission.admit("c", utf8("v,w\nred,1\ngreen,2\n"), w, CorpusRules.DEFAULTS)
            .corpus()
            .hash();
    String w2 =
        CorpusAdmission.admit("c", utf8("v,w\nred,1\ngreen,3\n"), w, CorpusRules.DEFAULTS)
            .corpus()
            .hash();
    assertNotEquals(w1, w2, "a changed weight changes the hash");
  }

  @Test
  void nfcMakesComposedAndDecomposedAccentsEqual() {
    assertEquals(text("caf\u00e9\n").corpus().hash(), text("cafe\u0301\n").corpus().hash());
  }
}
