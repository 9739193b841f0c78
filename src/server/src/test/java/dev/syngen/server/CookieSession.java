package dev.syngen.server;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does with the console's cookies, by hand: signs in through the form, keeps the
 * cookies the server sets (or a copy of them), and sends them with chosen headers, so tests can
 * replay a cookie as another site's form or a stolen copy would.
 */
final class CookieSession {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static final Pattern VIEW_STATE =
      Pattern.compile("<input[^>]*name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"");

  final URI base;
  final Map<String, String> cookies = new LinkedHashMap<>();
  final List<String> setCookies = new java.util.ArrayList<>();

  CookieSession(URI base) {
    this.base = base;
  }

  /** The server's own origin, as a browser on its pages sends it. */
  String origin() {
    return base.getScheme() + "://" + base.getAuthority();
  }

  /** Signs in through the console's form; returns the answer to the form's post. */
  HttpResponse<String> signIn(String user, String password) {
    HttpResponse<String> form = send("GET", "console/login.xhtml", null, Map.of());
    return post(
        "console/login.xhtml",
        Map.of(
            "login_SUBMIT",
            "1",
            "login:user",
            user,
            "login:password",
            password,
            "login:next",
            "",
            "login:submit",
            "Sign in",
            "jakarta.faces.ViewState",
            viewState(form.body())),
        Map.of("Origin", origin()));
  }

  /** Signs out with the console's header form, as the Sign out button does. */
  HttpResponse<String> signOut() {
    HttpResponse<String> page = send("GET", "console/index.xhtml", null, Map.of());
    return post(
        "console/index.xhtml",
        Map.of(
            "session_SUBMIT", "1",
            "session:logout", "Sign out",
            "jakarta.faces.ViewState", viewState(page.body())),
        Map.of("Origin", origin()));
  }

  HttpResponse<String> post(String path, Map<String, String> form, Map<String, String> headers) {
    String body =
        form.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put("Content-Type", "application/x-www-form-urlencoded");
    return send("POST", path, body, all);
  }

  /** Sends a request with the kept cookies and {@code headers}; keeps the cookies it sets. */
  HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    if (!cookies.isEmpty()) {
      b.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    try {
      HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
      for (String c : r.headers().allValues("Set-Cookie")) {
        setCookies.add(c);
        String pair = c.split(";", 2)[0];
        int eq = pair.indexOf('=');
        String value = pair.substring(eq + 1);
        boolean expired = c.toLowerCase().contains("max-age=0") || c.contains("1970");
        if (expired || value.isEmpty()) {
          cookies.remove(pair.substring(0, eq));
        } else {
          cookies.put(pair.substring(0, eq), value);
        }
      }
      return r;
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String viewState(String page) {
    Matcher m = VIEW_STATE.matcher(page);
    if (!m.find()) {
      throw new AssertionError("no view state in: " + page);
    }
    return m.group(1).replace("&#58;", ":").replace("&amp;", "&");
  }
}
