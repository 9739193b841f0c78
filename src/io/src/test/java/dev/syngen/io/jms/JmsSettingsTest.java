package dev.syngen.io.jms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.scenario.Problems;
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
  void theCommandLineRefusesTheServersEngineSayingWhy() {
    SinkException e =
        assertThrows(SinkException.class, () -> new JmsSinkFactory().open(profile("embedded")));
    assertTrue(e.getMessage().contains("only the server can use"), e.getMessage());
  }
}
