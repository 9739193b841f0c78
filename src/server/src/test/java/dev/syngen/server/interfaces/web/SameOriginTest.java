package dev.syngen.server.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SameOriginTest {
  @Test
  void theServersOwnOriginMatchesWithOrWithoutDefaultPorts() {
    assertTrue(SameOrigin.matches("http://localhost:9080", "http", "localhost:9080"));
    assertTrue(SameOrigin.matches("http://LocalHost:9080/console/x", "http", "localhost:9080"));
    assertTrue(SameOrigin.matches("https://syngen.example", "https", "syngen.example:443"));
    assertTrue(SameOrigin.matches("http://syngen.example:80", "http", "syngen.example"));
  }

  @Test
  void otherHostsPortsSchemesAndOddValuesDoNot() {
    assertFalse(SameOrigin.matches("https://evil.example", "http", "localhost:9080"));
    assertFalse(SameOrigin.matches("http://localhost:9081", "http", "localhost:9080"));
    assertFalse(SameOrigin.matches("https://localhost:9080", "http", "localhost:9080"));
    assertFalse(SameOrigin.matches("null", "http", "localhost:9080"));
    assertFalse(SameOrigin.matches("http://localhost:9080@evil.example", "http", "localhost:9080"));
    assertFalse(SameOrigin.matches("http://user@localhost:9080", "http", "localhost:9080"));
    assertFalse(SameOrigin.matches("http://localhost:9080", "http", null));
    assertFalse(SameOrigin.matches("::not a url", "http", "localhost:9080"));
  }
}
