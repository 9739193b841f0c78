package dev.syngen.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class InstantsRangeTest {

  @Test
  void yearsJavaAcceptsButMillisecondsCannotHoldAreRefused() {
    for (String s :
        new String[] {"+999999999-01-01T00:00:00Z", "-999999999-01-01T00:00:00Z", "+10000-01-01"}) {
      DateTimeParseException e =
          assertThrows(DateTimeParseException.class, () -> Instants.parse(s));
      assertEquals(true, e.getMessage().contains("outside the years 1 to 9999"), e.getMessage());
    }
  }

  @Test
  void theEdgesOfTheRangeAreAccepted() {
    assertEquals(Instants.MIN, Instants.parse("0001-01-01"));
    assertEquals(Instant.parse("9999-12-31T00:00:00Z"), Instants.parse("9999-12-31"));
  }
}
