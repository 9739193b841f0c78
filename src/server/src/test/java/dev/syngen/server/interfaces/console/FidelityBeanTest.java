package dev.syngen.server.interfaces.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fidelity page's one-click recheck: the tolerance its prompt's form posts is checked before
 * anything runs (no facade here, so a check that ran anyway would fail the test).
 */
class FidelityBeanTest {
  private final RecordedMessages messages = new RecordedMessages();

  @AfterEach
  void closeMessages() {
    messages.close();
  }

  @Test
  void aPostWithoutItsPromptsToleranceChecksNothingAndSaysWhy() {
    assertNull(new FidelityBean().checkAt(""));
    assertEquals(
        List.of("ERROR The request named no tolerance; reload the page and click again."),
        messages.lines());
  }

  @Test
  void anUnknownToleranceIsRefusedWithTheOnesThereAre() {
    assertNull(new FidelityBean().checkAt("lenient"));
    assertEquals(
        List.of(
            "ERROR Tolerance 'lenient' is not one of "
                + String.join(", ", new FidelityBean().getTolerances())
                + "."),
        messages.lines());
  }
}
