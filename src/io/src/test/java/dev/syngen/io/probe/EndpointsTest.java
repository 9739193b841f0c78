package dev.syngen.io.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.sink.TargetProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointsTest {

  private static TargetProfile target(String kind, String dsn) {
    return new TargetProfile("t", null, kind, dsn, null, Map.of());
  }

  private static List<String> network(String kind, String dsn) {
    return Endpoints.network(target(kind, dsn)).stream().map(Endpoint::toString).toList();
  }

  @Test
  void postgresEndpointsComeWithoutCredentials() {
    assertEquals(
        List.of("db.example:6543"),
        network("postgres", "postgres://app:s3cret@db.example:6543/sales?sslmode=disable"));
    assertEquals(
        List.of("a:5432", "b:5433"), network("postgres", "jdbc:postgresql://a,b:5433/sales"));
  }

  @Test
  void brokerListsUseEachKindsDefaultPort() {
    assertEquals(List.of("k1:9092", "k2:9093"), network("kafka", "kafka://k1,k2:9093"));
    assertEquals(List.of("n1:4222", "n2:4223"), network("nats", "nats://u:pw@n1,nats://n2:4223"));
    assertEquals(
        List.of("m1:61616", "m2:61617"),
        network("jms", "(tcp://m1,tcp://user:pw@m2:61617)?ha=true"));
    assertEquals(List.of("h:443"), network("http", "https://h/ingest"));
    assertEquals(List.of("[::1]:8080"), network("http", "http://[::1]:8080/in"));
    assertEquals(List.of("ch:8123"), network("clickhouse", "clickhouse://u:pw@ch/db"));
    assertEquals(List.of("ch:8443"), network("clickhouse", "clickhouses://ch/db"));
  }

  @Test
  void aJmsFactoryLookedUpByNameHasNoNetworkEndpoint() {
    assertTrue(network("jms", "jndi:jms/syngen").isEmpty());
  }

  @Test
  void fileAndSqliteTargetsAreLocalDirectories() {
    assertTrue(Endpoints.isLocal(target("csv", "/tmp/out")));
    assertFalse(Endpoints.isLocal(target("kafka", "kafka://k:9092")));
    assertEquals(Path.of("/data/out"), Endpoints.directory(target("ndjson", "file:///data/out")));
    assertEquals(Path.of("/data"), Endpoints.directory(target("sqlite", "/data/x.sqlite")));
  }
}
