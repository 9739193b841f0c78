package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The browser-facing defences (docs/security.md, findings 8, 9, 14, 17 and 18): the sign-in cookie
 * cannot be used by another site's form, signing out revokes it, the sign-in page makes no session,
 * and every response carries the security headers.
 */
class WebSecurityIT {
  private static Api api;

  @BeforeAll
  static void server() {
    api = Api.itServer();
  }

  private static CookieSession signedInAdmin() {
    CookieSession s = new CookieSession(api.base());
    HttpResponse<String> r = s.signIn(Api.ADMIN, api.adminPassword());
    assertEquals(302, r.statusCode(), r.body());
    assertTrue(s.cookies.containsKey("LtpaToken2"), "signed in: " + s.setCookies);
    return s;
  }

  @Test
  void anotherSitesFormCannotChangeAnythingWithTheSignInCookie() {
    CookieSession s = signedInAdmin();
    String path = "api/v1/targets/" + api.createCsvTarget() + "/test";
    Map<String, Map<String, String>> crossSite =
        Map.of(
            "foreign Origin", Map.of("Origin", "https://evil.example"),
            "null Origin", Map.of("Origin", "null"),
            "foreign Referer", Map.of("Referer", "https://evil.example/form.html"),
            "no proof of origin", Map.of());
    crossSite.forEach(
        (what, headers) -> {
          HttpResponse<String> r = s.send("POST", path, null, headers);
          assertEquals(403, r.statusCode(), what + ": " + r.body());
          assertTrue(r.body().contains("cross-site") || r.body().contains("prove"), r.body());
        });
    assertEquals(200, s.send("POST", path, null, Map.of("Origin", s.origin())).statusCode());
    assertEquals(
        200, s.send("POST", path, null, Map.of("X-Requested-With", "XMLHttpRequest")).statusCode());
    assertEquals(200, api.admin("POST", path, null).status(), "Basic needs no proof");
  }

  @Test
  void followingALinkToTheTargetsPageOffersATestButDoesNotRunIt() {
    CookieSession s = signedInAdmin();
    HttpResponse<String> page =
        s.send("GET", "console/targets.xhtml?test=local-csv", null, Map.of());
    assertEquals(200, page.statusCode());
    assertFalse(page.body().contains("id=\"test-result\""), "a GET ran the target test");
    assertTrue(page.body().contains("pending-test:run"), page.body());
  }

  @Test
  void signInCookiesAreHttpOnlyAndSameSiteStrict() {
    CookieSession s = signedInAdmin();
    s.send("GET", "console/targets.xhtml", null, Map.of());
    List<String> cookies =
        s.setCookies.stream()
            .filter(c -> c.startsWith("LtpaToken2=") || c.startsWith("JSESSIONID="))
            .toList();
    assertTrue(
        cookies.stream().anyMatch(c -> c.startsWith("LtpaToken2=")), s.setCookies.toString());
    assertTrue(
        cookies.stream().anyMatch(c -> c.startsWith("JSESSIONID=")), s.setCookies.toString());
    for (String c : cookies) {
      String lower = c.toLowerCase(Locale.ROOT);
      assertTrue(lower.contains("httponly"), c);
      assertTrue(lower.contains("samesite=strict"), c);
    }
  }

  @Test
  void signingOutRevokesTheCookieForTheApiAndTheConsole() {
    CookieSession s = signedInAdmin();
    String token = s.cookies.get("LtpaToken2");
    assertEquals(200, s.send("GET", "api/v1/audit?limit=1", null, Map.of()).statusCode());
    HttpResponse<String> out = s.signOut();
    assertEquals(302, out.statusCode(), out.body());

    CookieSession copy = new CookieSession(api.base());
    copy.cookies.put("LtpaToken2", token);
    assertEquals(401, copy.send("GET", "api/v1/audit?limit=1", null, Map.of()).statusCode());
    HttpResponse<String> console = copy.send("GET", "console/index.xhtml", null, Map.of());
    assertEquals(302, console.statusCode());
    assertTrue(
        console.headers().firstValue("Location").orElse("").contains("/console/login.xhtml"),
        console.headers().toString());
  }

  @Test
  void theSignInPageCreatesNoSession() {
    CookieSession s = new CookieSession(api.base());
    for (int i = 0; i < 50; i++) {
      HttpResponse<String> r = s.send("GET", "console/login.xhtml", null, Map.of());
      assertEquals(200, r.statusCode());
      assertTrue(r.body().contains("login:user"), r.body());
      assertEquals(302, s.send("GET", "console/index.xhtml", null, Map.of()).statusCode());
    }
    assertTrue(
        s.setCookies.stream().noneMatch(c -> c.startsWith("JSESSIONID=")),
        "anonymous visits made sessions: " + s.setCookies);
    HttpResponse<String> signedIn = s.signIn(Api.ADMIN, api.adminPassword());
    assertEquals(
        302, signedIn.statusCode(), "the stateless form still signs in: " + signedIn.body());
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    CookieSession s = signedInAdmin();
    List<String> paths =
        List.of(
            "api/v1/runs",
            "api/v1/runs/no-such-run",
            "api/v1/runs/no-such-run/fidelity/report.html",
            "api/v1/audit",
            "console/login.xhtml",
            "console/index.xhtml",
            "console/assets/console.js",
            "no-such-page",
            "index.html");
    CookieSession anonymous = new CookieSession(api.base());
    for (String path : paths) {
      for (CookieSession who : List.of(anonymous, s)) {
        HttpResponse<String> r = who.send("GET", path, null, Map.of());
        assertSecurityHeaders(path + " (" + r.statusCode() + ")", r);
      }
    }
    HttpResponse<String> refused =
        s.send("POST", "api/v1/runs", "{}", Map.of("Origin", "https://evil.example"));
    assertEquals(403, refused.statusCode());
    assertSecurityHeaders("refused cross-site POST", refused);
  }

  private static void assertSecurityHeaders(String what, HttpResponse<String> r) {
    String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(csp.contains("script-src 'self'"), what + ": CSP " + csp);
    assertTrue(csp.contains("frame-ancestors 'none'"), what + ": CSP " + csp);
    assertFalse(csp.contains("unsafe-inline"), what + ": CSP " + csp);
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), what);
    assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null), what);
    assertEquals("same-origin", r.headers().firstValue("Referrer-Policy").orElse(null), what);
    assertTrue(
        r.headers().firstValue("Strict-Transport-Security").isEmpty(), what + ": HSTS over HTTP");
  }
}
