package dev.syngen.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.sink.Redactor;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {
  @Test
  void hidesPasswordsInUserInfoEvenWhenTheyContainAt() {
    assertEquals("postgres://u:***@h:5432/db", Redactor.dsn("postgres://u:p@ss@h:5432/db"));
    assertEquals("postgres://u:***@h/db", Redactor.dsn("postgres://u:secret@h/db"));
    assertEquals("postgres://h/db", Redactor.dsn("postgres://h/db"));
    assertEquals("http://h:8080/path", Redactor.dsn("http://h:8080/path"));
  }

  @Test
  void hidesPasswordParametersInJdbcUrlsAndMessages() {
    String r = Redactor.text("failed: jdbc:postgresql://h/db?user=a&password=hunter2&ssl=true");
    assertFalse(r.contains("hunter2"), r);
    assertEquals(
        "jdbc:postgresql://h/db?user=a&password=***&ssl=true",
        Redactor.dsn("jdbc:postgresql://h/db?user=a&password=hunter2&ssl=true"));
  }

  @Test
  void hidesTokenOnlyUserInfoButKeepsDatabaseUserNames() {
    assertEquals("nats://***@h:4222", Redactor.dsn("nats://s3cr3tT0ken@h:4222"));
    assertEquals("http://***@h/ingest", Redactor.dsn("http://s3cr3tT0ken@h/ingest"));
    assertEquals("postgres://postgres@h/db", Redactor.dsn("postgres://postgres@h/db"));
    assertEquals(
        "connect to nats://***@h:4222 failed",
        Redactor.text("connect to nats://tok@h:4222 failed"));
  }

  @Test
  void hidesJaasPasswordsWithSpacesAndQuotes() {
    String jaas =
        "org.apache.kafka.common.security.plain.PlainLoginModule required"
            + " username=\"alice\" password = \"alice secret\";";
    String r = Redactor.text(jaas);
    assertFalse(r.contains("alice secret"), r);
    assertTrue(r.contains("password = \"***\";"), r);
    assertTrue(r.contains("username=\"alice\""), r);
  }

  @Test
  void hidesAuthorizationHeadersInText() {
    String r = Redactor.text("sent Authorization: Bearer abc.def.ghi to http://h");
    assertFalse(r.contains("abc.def.ghi"), r);
    assertFalse(Redactor.text("{\"api_key\": \"k-123\"}").contains("k-123"));
  }

  @Test
  void hidesHeaderOptionsUnlessPlainAndSecretNamedOptions() {
    Map<String, String> shown =
        Redactor.options(
            Map.of(
                "header.Authorization", "Bearer t",
                "header.Proxy-Authorization", "Basic x",
                "header.Cookie", "sid=1",
                "header.X-Tenant-Auth", "abc",
                "header.Content-Type", "application/x-ndjson",
                "producer.sasl.jaas.config", "x required password=\"p\";",
                "key_column", "id",
                "password", "p"));
    assertEquals("***", shown.get("header.Authorization"));
    assertEquals("***", shown.get("header.Proxy-Authorization"));
    assertEquals("***", shown.get("header.Cookie"));
    assertEquals("***", shown.get("header.X-Tenant-Auth"));
    assertEquals("***", shown.get("producer.sasl.jaas.config"));
    assertEquals("***", shown.get("password"));
    assertEquals("application/x-ndjson", shown.get("header.Content-Type"));
    assertEquals("id", shown.get("key_column"));
  }

  @Test
  void takesLinearTimeOnHostileInput() {
    // The regular expressions this replaced took minutes on 100 k characters (quadratic
    // backtracking); a linear scan of 2 M characters takes milliseconds.
    String letters = "a".repeat(2_000_000);
    String schemes = "a://".repeat(500_000);
    String colons = "x://u:" + "p".repeat(2_000_000);
    String words = "password".repeat(250_000);
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          assertEquals(letters, Redactor.text(letters));
          assertEquals(schemes.length(), Redactor.text(schemes).length());
          assertEquals(colons, Redactor.text(colons));
          assertEquals(words, Redactor.text(words));
        });
  }
}
