package dev.syngen.server.infrastructure.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestIdsTest {
  @Test
  void aPlainCallerIdIsKeptAnythingElseIsReplaced() {
    assertEquals("req-42.a_b", RequestIds.adopt("req-42.a_b"));
    String forged = "x\r\nSet-Cookie: a=b";
    assertNotEquals(forged, RequestIds.adopt(forged));
    assertTrue(RequestIds.adopt(null).matches("[0-9a-f]{16}"));
    assertTrue(RequestIds.adopt("a".repeat(65)).matches("[0-9a-f]{16}"));
  }

  @Test
  void logLinesOfARequestCarryItsIdAndNoneAfterIt() {
    RequestIds.begin("r1");
    try {
      assertEquals("r1", LogFields.withContext(Map.of()).get(LogFields.REQUEST_ID));
      assertEquals(
          "mine", LogFields.withContext(Map.of(LogFields.REQUEST_ID, "mine")).get("request_id"));
    } finally {
      RequestIds.end();
    }
    assertEquals(Map.of(), LogFields.withContext(Map.of()));
  }
}
