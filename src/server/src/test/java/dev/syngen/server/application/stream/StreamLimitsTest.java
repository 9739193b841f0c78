package dev.syngen.server.application.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.server.application.error.ApiException;
import org.junit.jupiter.api.Test;

class StreamLimitsTest {
  private static StreamLimits limits(int concurrent, int perClient, int perMinute) {
    StreamLimits l = new StreamLimits();
    l.maxConcurrent = concurrent;
    l.maxPerClient = perClient;
    l.requestsPerMinute = perMinute;
    l.maxSeconds = 300;
    l.init();
    return l;
  }

  @Test
  void aClientGetsItsShareAndTheNextStreamIsRefusedWith429AndRetryAfter() {
    StreamLimits l = limits(4, 2, 100);
    StreamLimits.Admission a = l.admit("10.0.0.1");
    StreamLimits.Admission b = l.admit("10.0.0.1");
    ApiException e = assertThrows(ApiException.class, () -> l.admit("10.0.0.1"));
    assertEquals(429, e.status());
    assertTrue(e.retryAfterSeconds() > 0);
    assertTrue(e.getMessage().contains("syngen.generate.max-per-client"), e.getMessage());
    l.admit("10.0.0.2").close(); // another client is not affected
    a.close();
    a.close(); // closing twice gives back one slot only
    l.admit("10.0.0.1").close();
    b.close();
  }

  @Test
  void theServerRunsAtMostMaxConcurrentStreamsAndFreesSlotsOnClose() {
    StreamLimits l = limits(2, 5, 100);
    StreamLimits.Admission a = l.admit("a");
    StreamLimits.Admission b = l.admit("b");
    ApiException e = assertThrows(ApiException.class, () -> l.admit("c"));
    assertEquals(503, e.status());
    assertTrue(e.retryAfterSeconds() > 0);
    b.close();
    StreamLimits.Admission c = l.admit("c");
    assertFalse(c.expired());
    a.close();
    c.close();
  }

  @Test
  void requestsBeyondTheRatePerMinuteAreRefusedEvenWhenNoStreamIsOpen() {
    StreamLimits l = limits(4, 4, 3);
    for (int i = 0; i < 3; i++) {
      l.checkRate("x");
    }
    ApiException e = assertThrows(ApiException.class, () -> l.checkRate("x"));
    assertEquals(429, e.status());
    assertTrue(e.retryAfterSeconds() >= 1 && e.retryAfterSeconds() <= 20, e.toString());
    l.checkRate("y");
  }

  @Test
  void aStreamExpiresAfterItsTimeLimit() {
    StreamLimits l = limits(1, 1, 10);
    l.maxSeconds = 0;
    try (StreamLimits.Admission a = l.admit("x")) {
      assertTrue(a.expired());
    }
  }
}
