package dev.syngen.server.application.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DsnCredentialsTest {
  @Test
  void takesThePasswordOutOfTheUserInfo() {
    DsnCredentials c = DsnCredentials.split("postgres://app:s3cr%40t@db:5432/shop?sslmode=disable");
    assertEquals("postgres://app@db:5432/shop?sslmode=disable", c.withoutPassword());
    assertEquals("s3cr%40t", c.password());
  }

  @Test
  void keepsReferencesWholeWhereverTheyAre() {
    DsnCredentials c =
        DsnCredentials.split(
            "postgres://${PGUSER:-postgres}:${PGPASSWORD:-}@${PGHOST:-127.0.0.1}:5432/test");
    assertEquals(
        "postgres://${PGUSER:-postgres}@${PGHOST:-127.0.0.1}:5432/test", c.withoutPassword());
    assertEquals("${PGPASSWORD:-}", c.password());
  }

  @Test
  void aDsnWithoutPasswordComesBackWhole() {
    assertNull(DsnCredentials.split("postgres://app@db/shop").password());
    assertNull(DsnCredentials.split("out/csv").password());
    assertNull(DsnCredentials.split("kafka://k1:9092,k2:9092").password());
    assertNull(DsnCredentials.split("http://host/path?mail=a@b").password());
  }

  @Test
  void putsAPasswordBackAfterTheUser() {
    assertEquals(
        "mariadb://root:p%40ss%20word@127.0.0.1:3306/shop",
        DsnCredentials.withPassword(
            "mariadb://root@127.0.0.1:3306/shop", DsnCredentials.encode("p@ss word")));
    assertEquals(
        "postgres://u:new@h/db", DsnCredentials.withPassword("postgres://u:old@h/db", "new"));
    assertEquals("${PW}", DsnCredentials.encode("${PW}"));
  }

  @Test
  void aDsnNamingNoUserTakesNoPassword() {
    assertNull(DsnCredentials.withPassword("postgres://db:5432/shop", "x"));
    assertNull(DsnCredentials.withPassword("out/csv", "x"));
  }
}
