package dev.syngen.server.interfaces.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsoleBeansTest {
  @Test
  void aColumnsSortExpressionNamesTheHistorysField() {
    assertEquals("createdAt", RunHistoryModel.sortField("run.createdAt"));
    assertEquals("createdBy", RunHistoryModel.sortField("user"));
    assertEquals("createdAt", RunHistoryModel.sortField(null));
  }

  @Test
  void aDateRangeCoversWholeDaysInUtc() {
    assertEquals(Instant.parse("2026-12-01T00:00:00Z"), RunsBean.day("2026-12-01", 0));
    assertEquals(Instant.parse("2026-12-02T00:00:00Z"), RunsBean.day("2026-12-01", 1));
    assertNull(RunsBean.day("yesterday", 0));
    assertNull(RunsBean.day("", 0));
  }

  @Test
  void aCopyOfAScenarioCarriesItsNewId() {
    assertEquals("id: b\nname: x\n", EditorBean.withId("id: a\nname: x\n", "b"));
    assertEquals("id: b\nname: x\n", EditorBean.withId("name: x\n", "b"));
  }

  @Test
  void aRunsPageSitsUnderRunsAndTheEditorHasItsOwnEntry() {
    assertEquals("runs", ConsolePages.of("run.xhtml").key());
    assertEquals("scenario-editor", ConsolePages.of("scenario-editor.xhtml").key());
    assertNull(ConsolePages.of("login.xhtml"));
  }
}
