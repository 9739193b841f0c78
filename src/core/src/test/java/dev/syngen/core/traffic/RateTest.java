package dev.syngen.core.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateTest {
  private static void is(String text, double perSecond, Rate.Unit unit) {
    Rate r = Rate.parse(text);
    assertEquals(perSecond, r.perSecond(), perSecond * 1e-9, text);
    assertEquals(unit, r.unit(), text);
  }

  @Test
  void parsesTheHumanFormsOfTheIssue() {
    is("7.5GB/s", 7.5e9, Rate.Unit.BYTES);
    is("125kb/s", 125_000 / 8.0, Rate.Unit.BYTES);
    is("1mbit", 1e6 / 8, Rate.Unit.BYTES);
    is("50k/s", 50_000, Rate.Unit.RECORDS);
    is("1000", 1000, Rate.Unit.RECORDS);
    is("2.5m rec/s", 2.5e6, Rate.Unit.RECORDS);
    is("512KiB/s", 512 * 1024, Rate.Unit.BYTES);
    is("10Mbps", 10e6 / 8, Rate.Unit.BYTES);
    is("300 msg/s", 300, Rate.Unit.RECORDS);
  }

  @Test
  void rejectsWhatItCannotReadWithTheFormsItAccepts() {
    for (String bad : new String[] {"", "fast", "-5k/s", "0", "5 furlongs/s", "1.2.3k"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Rate.parse(bad));
      assertTrue(e.getMessage().contains("rate '" + bad + "'"), e.getMessage());
    }
  }

  @Test
  void durationsAndSizes() {
    assertEquals(Duration.ofSeconds(30), HumanDuration.parse("30s"));
    assertEquals(Duration.ofMinutes(5), HumanDuration.parse("5m"));
    assertEquals(Duration.ofHours(1), HumanDuration.parse("1h"));
    assertEquals(Duration.ofMinutes(90), HumanDuration.parse("1h30m"));
    assertEquals(Duration.ofMillis(250), HumanDuration.parse("250ms"));
    assertEquals(Duration.ofMinutes(2), HumanDuration.parse("PT2M"));
    assertThrows(IllegalArgumentException.class, () -> HumanDuration.parse("soon"));
    assertThrows(IllegalArgumentException.class, () -> HumanDuration.parse("0s"));
    assertEquals(1000, ByteSize.parse("1KB"));
    assertEquals(4096, ByteSize.parse("4KiB"));
    assertEquals(100, ByteSize.parse("100"));
    assertEquals(2_000_000, ByteSize.parse("2MB"));
    assertThrows(IllegalArgumentException.class, () -> ByteSize.parse("big"));
  }
}
