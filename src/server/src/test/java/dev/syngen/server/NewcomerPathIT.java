package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's Quick start, followed literally (issue 10, newcomer path): every URL it prints opens
 * on the server the build started (its port in place of 9080, which server.xml must default to),
 * the console signs in from the address the README gives with and without the trailing slash, and
 * every command of the Quick start's CLI block runs as written from the repository root, with the
 * jar the README names.
 */
class NewcomerPathIT {
  private static final Path README = Path.of("README.md");
  private static Api api;
  private static String quickStart;

  @BeforeAll
  static void server() throws Exception {
    api = Api.itServer();
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int start = readme.indexOf("## Quick start");
    assertTrue(start >= 0, "README has no Quick start");
    int end = readme.indexOf("\n## ", start + 3);
    quickStart = readme.substring(start, end < 0 ? readme.length() : end);
  }

  @Test
  void theTwoCommandsAreTheOnesTheBuildAndCiUse() throws Exception {
    List<String> first = blocks().get(0);
    assertEquals("./mvnw liberty:run", command(first.get(0)));
    assertEquals("./verify", command(first.get(1)));
    assertTrue(Files.readString(Path.of(".ci/run")).contains("exec ./verify"), ".ci/run");
    String serverXml = Files.readString(Path.of("src/server/src/main/liberty/config/server.xml"));
    assertTrue(
        serverXml.contains("<variable name=\"http.port\" defaultValue=\"9080\"/>"),
        "the README's port 9080 is not server.xml's default");
  }

  @Test
  void everyUrlTheQuickStartPrintsOpens() {
    Set<String> urls = new LinkedHashSet<>();
    Matcher m = Pattern.compile("http://localhost:9080(/[^\\s)`,]*)").matcher(quickStart);
    while (m.find()) {
      urls.add(m.group(1));
    }
    assertTrue(urls.size() >= 2, "URLs found: " + urls);
    for (String path : urls) {
      CookieSession browser = new CookieSession(api.base());
      HttpResponse<String> r = follow(browser, path.substring(1));
      assertEquals(200, r.statusCode(), path + " → " + r.uri() + ": " + r.body());
    }
  }

  @Test
  void theConsoleSignsInFromItsAddressWithAndWithoutTheSlash() {
    for (String path : List.of("console/", "console")) {
      CookieSession browser = new CookieSession(api.base());
      HttpResponse<String> before = follow(browser, path);
      assertEquals(200, before.statusCode(), path);
      assertTrue(before.uri().getPath().contains("login"), path + " → " + before.uri());
      HttpResponse<String> signIn = browser.signIn(Api.ADMIN, api.adminPassword());
      assertEquals(302, signIn.statusCode(), signIn.body());
      HttpResponse<String> after = follow(browser, path);
      assertEquals(200, after.statusCode(), path + " after sign-in");
      assertFalse(after.uri().getPath().contains("login"), path + " → " + after.uri());
      assertTrue(after.body().contains("Sign out"), "not the signed-in console: " + after.uri());
    }
  }

  @Test
  void theCliCommandsOfTheQuickStartRunAsWritten() throws Exception {
    List<String> cli = blocks().get(1);
    assertTrue(cli.size() >= 2, "CLI block: " + cli);
    String jar = System.getProperty("syngen.it.cli.jar", "target/syngen-cli.jar");
    for (String line : cli) {
      String command = command(line);
      assertTrue(
          command.startsWith("java -jar target/syngen-cli.jar ") || command.startsWith("head "),
          "a Quick start command this test does not know how to check: " + command);
      List<String> argv = new ArrayList<>(List.of(command.split("\\s+")));
      if (argv.get(0).equals("java")) {
        argv.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.set(2, jar);
      }
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), command + " did not finish");
      assertEquals(0, p.exitValue(), command + ":\n" + out);
      assertFalse(out.isBlank(), command + " printed nothing");
      if (argv.get(0).equals("head")) {
        assertEquals(3, out.lines().count(), command + ":\n" + out);
      }
    }
  }

  /** The bash blocks of the Quick start, each as its lines. */
  private static List<List<String>> blocks() {
    List<List<String>> blocks = new ArrayList<>();
    Matcher m = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL).matcher(quickStart);
    while (m.find()) {
      blocks.add(m.group(1).lines().filter(l -> !l.isBlank()).toList());
    }
    assertTrue(blocks.size() >= 2, "Quick start bash blocks: " + blocks);
    return blocks;
  }

  /** A line without its trailing comment. */
  private static String command(String line) {
    int hash = line.indexOf(" #");
    return (hash < 0 ? line : line.substring(0, hash)).trim();
  }

  /** GETs a path as a browser does, following redirects within this server. */
  private static HttpResponse<String> follow(CookieSession browser, String path) {
    String next = path;
    for (int hop = 0; hop < 5; hop++) {
      HttpResponse<String> r = browser.send("GET", next, null, Map.of());
      if (r.statusCode() / 100 != 3) {
        return r;
      }
      String location = r.headers().firstValue("Location").orElseThrow();
      URI resolved = r.uri().resolve(location);
      assertEquals(api.base().getAuthority(), resolved.getAuthority(), "redirect off the server");
      next =
          resolved.getRawPath().substring(1)
              + (resolved.getRawQuery() == null ? "" : "?" + resolved.getRawQuery());
    }
    throw new AssertionError(path + " redirects more than 5 times");
  }
}
