package dev.syngen.io.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.sink.TargetProfile;
import dev.syngen.io.Targets;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyProbeTest {
  private final DependencyProbe probe =
      new DependencyProbe(Targets.builtins(), Duration.ofMillis(500));

  private static TargetProfile target(String kind, String dsn) {
    return new TargetProfile("t", null, kind, dsn, null, Map.of());
  }

  @Test
  void aListeningBrokerIsUpAndAClosedOneDownWithItsAddress() throws IOException {
    int port;
    try (ServerSocket broker = new ServerSocket(0)) {
      port = broker.getLocalPort();
      ProbeResult up = probe.probe(target("nats", "nats://127.0.0.1:" + port));
      assertTrue(up.up(), up.toString());
      assertEquals("127.0.0.1:" + port, up.endpoint());
      assertNull(up.error());
    }
    ProbeResult down = probe.probe(target("nats", "nats://127.0.0.1:" + port));
    assertFalse(down.up());
    assertTrue(down.error().contains("127.0.0.1:" + port), down.error());
  }

  @Test
  void secretsInTheDsnNeverReachTheResult() {
    ProbeResult r = probe.probe(target("postgres", "postgres://app:hunter2@127.0.0.1:1/db"));
    assertFalse(r.up());
    assertFalse(r.toString().contains("hunter2"), r.toString());
  }

  @Test
  void fileTargetsNeedADirectoryToWriteIn(@TempDir Path dir) throws IOException {
    assertTrue(probe.probe(target("csv", dir.resolve("not/yet/there").toString())).up());
    Path file = Files.writeString(dir.resolve("plain"), "x");
    ProbeResult notDir = probe.probe(target("ndjson", file.resolve("sub").toString()));
    assertFalse(notDir.up(), notDir.toString());
  }
}
