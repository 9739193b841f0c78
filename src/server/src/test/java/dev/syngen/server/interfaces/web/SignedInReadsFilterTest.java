package dev.syngen.server.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignedInReadsFilterTest {

  @Test
  void anAnonymousReadOfTheApiNeedsASignInByDefault() {
    for (String path :
        new String[] {
          "/api/v1/runs",
          "/api/v1/runs/r1/logs",
          "/api/v1/targets",
          "/api/v1/targets/t1",
          "/api/v1/scenarios",
          "/api/v1/no-such-thing",
          "/api/v1/info/x",
          "/api/v1",
          ""
        }) {
      assertTrue(SignedInReadsFilter.needsSignIn("GET", path, false, false), path);
      assertTrue(SignedInReadsFilter.needsSignIn("HEAD", path, false, false), path);
    }
    assertTrue(SignedInReadsFilter.needsSignIn("GET", null, false, false));
  }

  @Test
  void aSignedInReadGoesOn() {
    assertFalse(SignedInReadsFilter.needsSignIn("GET", "/api/v1/runs", true, false));
    assertFalse(SignedInReadsFilter.needsSignIn("HEAD", "/api/v1/targets", true, false));
  }

  @Test
  void theSettingOpensReadsToAnyone() {
    assertFalse(SignedInReadsFilter.needsSignIn("GET", "/api/v1/runs", false, true));
    assertFalse(SignedInReadsFilter.needsSignIn("HEAD", "/api/v1/targets/t1", false, true));
    assertFalse(SignedInReadsFilter.needsSignIn("GET", "/api/v1/scenarios", false, true));
  }

  @Test
  void infoAndTheStreamStayOpen() {
    assertFalse(SignedInReadsFilter.needsSignIn("GET", "/api/v1/info", false, false));
    assertFalse(SignedInReadsFilter.needsSignIn("HEAD", "/api/v1/info", false, false));
    assertFalse(SignedInReadsFilter.needsSignIn("GET", "/api/v1/stream", false, false));
  }

  @Test
  void changesAreLeftToTheContainersConstraints() {
    for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE", "OPTIONS", "get", null}) {
      assertFalse(SignedInReadsFilter.needsSignIn(method, "/api/v1/runs", false, false), method);
    }
  }
}
