package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sign-in throttling (docs/security.md, finding 10) for HTTP Basic and the console's form, per user
 * and per address. The build's server locks for 3 s (syngen.signin.lockout-seconds), so each test
 * waits its lock out and leaves the server as it found it.
 */
class SignInThrottleIT {
  private static Api api;

  @BeforeAll
  static void server() {
    api = Api.itServer();
  }

  @Test
  void wrongPasswordsForAUserThrottleItEvenWithTheRightPassword() {
    String viewerPassword = System.getProperty("syngen.it.viewer.password", "it-viewer-secret");
    int status = 0;
    for (int i = 1; i <= 5 && status != 429; i++) {
      status =
          api.call("GET", "api/v1/audit?limit=1", null, null, Api.VIEWER, "wrong" + i).status();
      assertTrue(status == 401 || status == 429, "attempt " + i + ": " + status);
    }
    // earlier tests' wrong viewer passwords may still count: the throttle is on by the fifth
    assertEquals(429, status, "five wrong passwords engage the throttle");
    Api.Reply right = api.viewer("GET", "api/v1/audit?limit=1", null);
    assertEquals(429, right.status(), "the right password is refused while throttled");
    int retryAfter = Integer.parseInt(right.header("Retry-After"));
    assertTrue(retryAfter >= 1 && retryAfter <= 3, "Retry-After " + retryAfter);

    Api.sleep(retryAfter * 1000L + 500);
    assertEquals(200, api.viewer("GET", "api/v1/audit?limit=1", null).status());
    String audit = api.admin("GET", "api/v1/audit?subject=user:viewer", null).body();
    assertTrue(audit.contains("signin.throttle"), audit);
  }

  @Test
  void theSignInFormIsThrottledPerUser() {
    String user = "it-nobody-" + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 1; i <= 5; i++) {
      HttpResponse<String> r = new CookieSession(api.base()).signIn(user, "wrong");
      assertEquals(200, r.statusCode());
      assertTrue(r.body().contains("Wrong user name or password."), r.body());
    }
    HttpResponse<String> refused = new CookieSession(api.base()).signIn(user, "wrong");
    assertEquals(429, refused.statusCode());
    assertTrue(refused.body().contains("Too many failed sign-ins"), refused.body());
    assertTrue(refused.headers().firstValue("Retry-After").isPresent());
    Api.sleep(3500);
  }

  @Test
  void manyFailuresFromOneAddressThrottleEveryUserFromIt() {
    String prefix = "it-addr-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    int status = 0;
    for (int i = 0; i < 20 && status != 429; i++) {
      status = api.call("GET", "api/v1/audit", null, null, prefix + i, "wrong").status();
    }
    assertEquals(429, status, "20 failures from one address engage its throttle");
    Api.Reply admin = api.admin("GET", "api/v1/audit?limit=1", null);
    assertEquals(429, admin.status(), "every user from the address waits");

    Api.sleep(Integer.parseInt(admin.header("Retry-After")) * 1000L + 500);
    String audit = api.admin("GET", "api/v1/audit?subject=address:127.0.0.1", null).body();
    assertTrue(audit.contains("signin.throttle"), audit);
  }
}
