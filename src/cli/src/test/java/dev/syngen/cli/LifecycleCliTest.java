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
  void theChatPackGivesConversationStatesThatPassTheLifecycleChecks() throws IOException {
    Path out = tmp.resolve("chat");
    Cli.Result r =
        cli()
            .run(
                "run",
                "start",
                "--scenario",
                "chat",
                "--band",
                "ci",
                "--include-entity",
                "conversations",
                "--include-entity",
                "conversations_events",
                "--target-kind",
                "csv",
                "--target",
                out.toString(),
                "--quiet",
                "--format",
                "json");
    assertEquals(0, r.exit(), r.err());
    List<String> events = Files.readAllLines(out.resolve("conversations_events.csv"));
    assertEquals("conversation_id,event_index,from_state,to_state,event_time,op", events.get(0));
    assertTrue(events.size() > 2 * 1000, "a few events per conversation: " + events.size());
    for (String state : List.of("active", "archived", "muted", "reported", "closed")) {
      assertTrue(
          events.stream().anyMatch(l -> l.contains("," + state + ",")), state + " is reached");
    }
    assertTrue(events.stream().anyMatch(l -> l.endsWith(",d")), "closing deletes");
    String id = r.out().replaceAll("(?s)^.*?\"id\" : \"([^\"]+)\".*$", "$1");
    // only two entities are written, so the pack's release gate cannot pass; its lifecycle checks
    // must (DomainPacksTest runs the whole pack to GO)
    String report = cli().run("fidelity", "--run", id).out();
    List<String> lines =
        report
            .lines()
            .filter(
                l ->
                    l.matches(
                        "\\w+\\s+(lifecycle_order|transition_shares|dwell_time|terminal_shares)\\s.*"))
            .toList();
    assertTrue(lines.size() >= 5, report);
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("FAIL")), String.join("\n", lines));
    assertTrue(lines.stream().anyMatch(l -> l.matches("PASS\\s+lifecycle_order\\s.*")), report);
    assertTrue(
        lines.stream()
            .anyMatch(l -> l.matches("PASS\\s+dwell_time\\s+conversations_events in active.*")),
        report);
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
