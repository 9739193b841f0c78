package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * TLS by configuration (docs/security.md, TLS): the IT server starts with syngen.tls=on and no
 * certificate of its own, as the container does, so Liberty made a self-signed one at first start.
 * A client that trusts exactly that certificate reaches the API over HTTPS with the security
 * headers and HSTS; a client that trusts only the public authorities is refused; HTTP still serves.
 */
class TlsIT {
  private static Api api;
  private static URI https;
  private static Path serverDir;

  @BeforeAll
  static void server() {
    api = Api.itServer();
    https = URI.create("https://localhost:" + System.getProperty("syngen.it.https.port", "9443"));
    serverDir = Path.of(System.getProperty("syngen.it.server.dir"));
  }

  @Test
  void httpsServesTheApiWithTheSelfSignedCertificateOfTheFirstStart() throws Exception {
    KeyStore store = serverKeyStore();
    HttpClient client =
        HttpClient.newBuilder()
            .sslContext(trusting(store))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    HttpResponse<String> info =
        client.send(
            HttpRequest.newBuilder(https.resolve("/api/v1/info")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, info.statusCode(), info.body());
    assertTrue(info.body().contains("syngen"), info.body());
    assertEquals(
        "max-age=31536000", info.headers().firstValue("Strict-Transport-Security").orElse(null));
    assertTrue(info.headers().firstValue("Content-Security-Policy").isPresent());

    SSLSession session = info.sslSession().orElseThrow();
    X509Certificate cert = (X509Certificate) session.getPeerCertificates()[0];
    assertEquals(cert.getSubjectX500Principal(), cert.getIssuerX500Principal(), "self-signed");
    cert.checkValidity();
    assertTrue(session.getProtocol().startsWith("TLSv1."), session.getProtocol());

    String basic =
        Base64.getEncoder()
            .encodeToString(
                (Api.ADMIN + ":" + api.adminPassword()).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> runs =
        client.send(
            HttpRequest.newBuilder(https.resolve("/api/v1/runs"))
                .header("Authorization", "Basic " + basic)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, runs.statusCode(), runs.body());
  }

  @Test
  void aClientThatTrustsOnlyPublicAuthoritiesIsRefused() {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Exception e =
        org.junit.jupiter.api.Assertions.assertThrows(
            Exception.class,
            () ->
                client.send(
                    HttpRequest.newBuilder(https.resolve("/api/v1/info")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()));
    Throwable cause = e;
    while (cause != null && !(cause instanceof SSLHandshakeException)) {
      cause = cause.getCause();
    }
    assertNotNull(cause, "expected a TLS handshake failure, got " + e);
  }

  @Test
  void plainHttpStillServesWithoutHsts() {
    Api.Reply r = api.anonymous("GET", "api/v1/info", null);
    assertEquals(200, r.status());
    assertFalse(r.headers().firstValue("Strict-Transport-Security").isPresent());
  }

  /** The key store Liberty created, opened with the password `server create` put in server.env. */
  private static KeyStore serverKeyStore() throws Exception {
    Path file = serverDir.resolve("resources/security/key.p12");
    assertTrue(Files.isRegularFile(file), "no key store was created at " + file);
    String password =
        Files.readAllLines(serverDir.resolve("server.env")).stream()
            .filter(l -> l.startsWith("keystore_password="))
            .map(l -> l.substring("keystore_password=".length()).trim())
            .findFirst()
            .orElseThrow(() -> new AssertionError("server.env has no keystore_password"));
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, password.toCharArray());
    }
    return store;
  }

  private static SSLContext trusting(KeyStore store) throws Exception {
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, tmf.getTrustManagers(), null);
    return context;
  }
}
