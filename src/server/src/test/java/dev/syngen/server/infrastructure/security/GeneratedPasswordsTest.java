package dev.syngen.server.infrastructure.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneratedPasswordsTest {
  @Test
  void theFileRoundTripsAndNeverHoldsThePlainPassword() {
    SecureRandom random = new SecureRandom();
    Map<String, GeneratedPasswords.Entry> passwords = new LinkedHashMap<>();
    String admin = GeneratedPasswords.generate(random);
    passwords.put("syngen.admin.password", new GeneratedPasswords.Entry(admin, false));
    passwords.put(
        "syngen.viewer.password",
        new GeneratedPasswords.Entry(GeneratedPasswords.generate(random), true));

    String xml = GeneratedPasswords.render(passwords);

    assertEquals(passwords, GeneratedPasswords.parse(xml));
    assertFalse(xml.contains(admin), xml);
    assertTrue(xml.contains("name=\"syngen.admin.password\" defaultValue=\"{xor}"), xml);
    assertTrue(xml.contains("name=\"syngen.viewer.password\" value=\"{xor}"), xml);
  }

  @Test
  void generatedPasswordsAreLongAndDiffer() {
    SecureRandom random = new SecureRandom();
    String a = GeneratedPasswords.generate(random);
    assertEquals(24, a.length());
    assertNotEquals(a, GeneratedPasswords.generate(random));
  }

  @Test
  void xorMatchesLibertysEncoding() {
    // securityUtility encode --encoding=xor password → {xor}Lz4sLCgwLTs=
    assertEquals("{xor}Lz4sLCgwLTs=", GeneratedPasswords.xor("password"));
  }

  @Test
  void serverXmlGivesBothUsersTheLockedPasswordUntilOneIsConfiguredOrGenerated() throws Exception {
    String xml =
        java.nio.file.Files.readString(
            java.nio.file.Path.of("src/server/src/main/liberty/config/server.xml"));
    for (String role : new String[] {"admin", "viewer"}) {
      assertTrue(
          xml.contains(
              "<variable name=\"syngen."
                  + role
                  + ".password\" defaultValue=\""
                  + GeneratedPasswords.LOCKED
                  + "\"/>"),
          role);
    }
    assertTrue(GeneratedPasswords.LOCKED.startsWith("{hash}"));
  }
}
