package dev.syngen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lifecycle events from the command line: the same bytes at any --parallel and batch size, the same
 * rows in event-time order with --speed max (and event time never going back), and a speed that
 * cannot be parsed refused with a fix.
 */
class LifecycleCliTest {
  @TempDir Path tmp;

  private Cli cli() {
    return new Cli(Path.of("scenarios"), Path.of("targets"), tmp.resolve("history"));
  }

  private Path run(String name, String... extra) {
    Path out = tmp.resolve(name);
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "start",
                "--scenario",
                "purchases",
                "--entity-count",
                "customers=400",
                "--target-kind",
                "ndjson",
                "--target",
                out.toString(),
                "--quiet"));
    args.addAll(List.of(extra));
    Cli.Result r = cli().run(args.toArray(String[]::new));
    assertEquals(0, r.exit(), r.err());
    return out.resolve("orders_events.ndjson");
  }

  @Test
  void historiesAreTheSameAtAnyParallelismAndBatchSize() throws IOException {
    byte[] one = Files.readAllBytes(run("p1", "--parallel", "1", "--batch-size", "4096"));
    byte[] four = Files.readAllBytes(run("p4", "--parallel", "4", "--batch-size", "37"));
    assertTrue(one.length > 10_000);
    assertEquals(new String(one), new String(four));
  }

  @Test
  void speedMaxWritesTheSameEventsInEventTimeOrder() throws IOException {
    List<String> byInstance = Files.readAllLines(run("instance"));
    List<String> byTime = Files.readAllLines(run("time", "--speed", "max", "--batch-size", "100"));
    assertNotEquals(byInstance, byTime);
    assertEquals(byInstance.stream().sorted().toList(), byTime.stream().sorted().toList());
    String prev = "";
    for (String line : byTime) {
      int i = line.indexOf("\"event_time\":\"") + 14;
      String t = line.substring(i, i + 24);
      assertTrue(t.compareTo(prev) >= 0, "event time went back at " + line);
      prev = t;
    }
  }

  @Test
  void aBadSpeedIsRefusedWithAFix() {
    Cli.Result r =
        cli()
            .run(
                "run",
                "start",
                "--scenario",
                "purchases",
                "--target-kind",
                "ndjson",
                "--target",
                tmp.resolve("x").toString(),
                "--speed",
                "fast");
    assertNotEquals(0, r.exit());
    assertTrue(r.err().contains("--speed") && r.err().contains("1x, 60x or max"), r.err());
    r =
        cli()
            .run(
                "run",
                "start",
                "--scenario",
                "purchases",
                "--target-kind",
                "ndjson",
                "--target",
                tmp.resolve("y").toString(),
                "--speed",
                "max",
                "--wall-clock");
    assertNotEquals(0, r.exit());
    assertTrue(r.err().contains("finite speed"), r.err());
  }
}
