package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Addresses that do not exist answer with a problem document, never the container's page. */
class ErrorPagesIT {
  private static Api api;

  @BeforeAll
  static void server() {
    api = Api.itServer();
  }

  @Test
  void anUnknownAddressIsAProblemDocumentNamingIt() {
    for (String path : new String[] {"no-such-thing", "api/v1/no-such-thing"}) {
      Api.Reply r = api.viewer("GET", path, null);
      assertEquals(404, r.status(), r.toString());
      assertEquals("application/problem+json", r.header("Content-Type").split(";")[0], path);
      assertEquals(404, r.json().path("status").asInt(), r.body());
      assertTrue(r.body().contains("no-such-thing"), r.body());
    }
  }
}
