package dev.syngen.io.clickhouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.sink.Redactor;
import dev.syngen.core.sink.SinkException;
import org.junit.jupiter.api.Test;

class ClickHouseDsnTest {
  @Test
  void partsDefaultsAndThePasswordStaysHidden() {
    ClickHouseDsn d = ClickHouseDsn.parse("clickhouse://app:p%40ss%3Aw0rd@ch.example:18123/sales");
    assertEquals("app", d.user());
    assertEquals("p@ss:w0rd", d.password());
    assertEquals("ch.example", d.host());
    assertEquals(18123, d.port());
    assertEquals("sales", d.database());
    assertEquals("http://ch.example:18123/", d.endpoint().toString());
    assertFalse(d.toString().contains("w0rd"), d.toString());
    assertFalse(Redactor.dsn("clickhouse://app:s3cret@ch.example:8123/sales").contains("s3cret"));

    ClickHouseDsn plain = ClickHouseDsn.parse("clickhouse://127.0.0.1");
    assertEquals("default", plain.user());
    assertEquals("", plain.password());
    assertEquals(8123, plain.port());
    assertEquals("default", plain.database());
    assertEquals(8443, ClickHouseDsn.parse("clickhouses://h/db").port());
  }

  @Test
  void badDsnsSayWhatIsWrong() {
    assertMessage("postgres://h/db", "must start with clickhouse://");
    assertMessage("clickhouse://h:9000/db", "native protocol");
    assertMessage("clickhouse://h:99999/db", "out of range");
    assertMessage("clickhouse://h/db?user=x", "no query parameters");
    assertMessage("clickhouse://h/my-db", "not a safe identifier");
    assertMessage("clickhouse://h/system", "catalogue");
    assertMessage("clickhouse://:pw@h/db", "empty user name");
    assertMessage("clickhouse://h%20x/db", "not a host name");
    assertMessage(null, "is missing");
  }

  private static void assertMessage(String dsn, String part) {
    SinkException e = assertThrows(SinkException.class, () -> ClickHouseDsn.parse(dsn));
    assertTrue(e.getMessage().contains(part), dsn + " -> " + e.getMessage());
  }

  @Test
  void versionsCompare() {
    assertTrue(ClickHouseSink.atLeast("18.16.1", 18, 16));
    assertFalse(ClickHouseSink.atLeast("18.16.1", 19, 6));
    assertTrue(ClickHouseSink.atLeast("23.8.2.7", 20, 1));
    assertFalse(ClickHouseSink.atLeast("garbage", 1, 0));
  }
}
