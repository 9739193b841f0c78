package dev.syngen.io.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.sink.SinkException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcUrlsTest {
  @Test
  void sdgenStyleDsnBecomesAJdbcUrlWithCredentialsInProperties() {
    JdbcUrls.Postgres pg =
        JdbcUrls.postgres("postgres://app:s3cr%40t@db.example.com:6543/sales?sslmode=disable");
    assertEquals("jdbc:postgresql://db.example.com:6543/sales", pg.url());
    assertEquals("app", pg.properties().get("user"));
    assertEquals("s3cr@t", pg.properties().get("password"));
    assertEquals("disable", pg.properties().get("sslmode"));
    assertFalse(pg.toString().contains("s3cr"));
  }

  @Test
  void postgresqlSchemeDefaultsAndLibpqParameterNamesAreMapped() {
    JdbcUrls.Postgres pg =
        JdbcUrls.postgres("postgresql://localhost/test?application_name=loader&connect_timeout=3");
    assertEquals("jdbc:postgresql://localhost/test", pg.url());
    assertEquals("loader", pg.properties().get("ApplicationName"));
    assertEquals("3", pg.properties().get("connectTimeout"));
    assertFalse(pg.properties().containsKey("user"));
    assertFalse(pg.properties().containsKey("password"));
  }

  @Test
  void jdbcUrlKeepsItsParametersButMovesSecretsOut() {
    JdbcUrls.Postgres pg =
        JdbcUrls.postgres("jdbc:postgresql://h1:5432,h2:5433/db?user=u&password=pw&ssl=true");
    assertEquals("jdbc:postgresql://h1:5432,h2:5433/db?ssl=true", pg.url());
    assertEquals("u", pg.properties().get("user"));
    assertEquals("pw", pg.properties().get("password"));
  }

  @Test
  void passwordsWithReservedCharactersDecodeExactly() {
    JdbcUrls.Postgres pg = JdbcUrls.postgres("postgres://u:a+b%2Fc%3Ad@h/db");
    assertEquals("a+b/c:d", pg.properties().get("password"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mysql://u:hunter2@h/db",
        "postgres://u:hunter2@h:port/db",
        "postgres://u:hunter2@h o st/db",
        "postgres://u:hunter2@h/db?sslmode",
        "jdbc:postgresql://h/db?password=hunter2&x"
      })
  void badPostgresDsnsFailWithTheSecretRedacted(String dsn) {
    SinkException e = assertThrows(SinkException.class, () -> JdbcUrls.postgres(dsn));
    assertTrue(e.getMessage().contains("invalid DSN"), e.getMessage());
    assertTrue(e.getMessage().contains("fix:"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @Test
  void mariadbCredentialsMoveIntoPropertiesAndADatabaseIsRequired() {
    JdbcUrls.MariaDb m = JdbcUrls.mariadb("mariadb://u:hunter2@h:3306/chat?allowLocalInfile=true");
    assertEquals("jdbc:mariadb://h:3306/chat", m.url());
    assertEquals("chat", m.database());
    assertEquals("hunter2", m.properties().get("password"));
    assertEquals("true", m.properties().get("allowLocalInfile"));
    assertEquals("jdbc:mariadb://h/db", JdbcUrls.mariadb("jdbc:mariadb://u@h/db").url());
    // MySQL's schemes name the same protocol, which the MariaDB driver speaks
    assertEquals("jdbc:mariadb://h:3306/db", JdbcUrls.mariadb("mysql://u:hunter2@h:3306/db").url());
    assertEquals("jdbc:mariadb://h/db", JdbcUrls.mariadb("jdbc:mysql://u@h/db").url());
    for (String bad : new String[] {"mariadb://u:hunter2@h/", "mysqlx://u:hunter2@h/db"}) {
      SinkException e = assertThrows(SinkException.class, () -> JdbcUrls.mariadb(bad));
      assertTrue(e.getMessage().contains("fix:"), e.getMessage());
      assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }
  }

  @Test
  void sqliteAcceptsPathsAndItsSchemes() {
    assertEquals(Path.of("data/out.db"), JdbcUrls.sqlitePath("data/out.db"));
    assertEquals(Path.of("data/out.db"), JdbcUrls.sqlitePath("sqlite:data/out.db"));
    assertEquals(Path.of("/tmp/x.db"), JdbcUrls.sqlitePath("sqlite:///tmp/x.db"));
    assertEquals(Path.of("rel/x.db"), JdbcUrls.sqlitePath("sqlite://rel/x.db"));
    assertEquals(Path.of("/tmp/y.db"), JdbcUrls.sqlitePath("jdbc:sqlite:/tmp/y.db"));
    assertEquals("jdbc:sqlite:/tmp/y.db", JdbcUrls.sqliteUrl(Path.of("/tmp/y.db")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"sqlite::memory:", "", "postgres://h/db", "jdbc:sqlite:x.db?cache=shared"})
  void sqliteRejectsWhatIsNotAFile(String dsn) {
    assertThrows(SinkException.class, () -> JdbcUrls.sqlitePath(dsn));
  }
}
