package dev.syngen.server.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpsRedirectFilterTest {
  @Test
  void theHttpsAddressKeepsHostPathAndQuery() {
    assertEquals(
        Optional.of("https://syngen.example:9443/api/v1/runs?status=failed"),
        HttpsRedirectFilter.location("syngen.example", 9443, "/api/v1/runs", "status=failed"));
    assertEquals(
        Optional.of("https://syngen.example/console/"),
        HttpsRedirectFilter.location("syngen.example", 443, "/console/", null));
    assertEquals(
        Optional.of("https://[::1]:9443/"), HttpsRedirectFilter.location("::1", 9443, "", ""));
  }

  @Test
  void aHostHeaderThatIsNotAHostNameIsNeverCopiedIntoLocation() {
    for (String host :
        new String[] {
          "evil.example/x", "a b", "evil.example\r\nSet-Cookie: x=1", "", "a@b", null
        }) {
      assertTrue(
          HttpsRedirectFilter.location(host, 9443, "/", null).isEmpty(), String.valueOf(host));
    }
  }

  @Test
  void healthProbesStayOnHttp() {
    assertTrue(HttpsRedirectFilter.isHealth("/health"));
    assertTrue(HttpsRedirectFilter.isHealth("/health/ready"));
    assertFalse(HttpsRedirectFilter.isHealth("/healthy"));
    assertFalse(HttpsRedirectFilter.isHealth("/api/v1/health"));
  }
}
