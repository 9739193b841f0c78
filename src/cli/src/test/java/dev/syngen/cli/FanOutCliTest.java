package dev.syngen.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.io.brokers.HttpReceiver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's fan-out and traffic flags. */
class FanOutCliTest {
  @TempDir Path tmp;

  private Cli cli() throws IOException {
    Path targets = Files.createDirectories(tmp.resolve("targets"));
    Files.writeString(
        targets.resolve("csv.yaml"), "id: csv\nkind: csv\ndsn: " + tmp.resolve("csv") + "\n");
    Files.writeString(
        targets.resolve("nd.yaml"), "id: nd\nkind: ndjson\ndsn: " + tmp.resolve("nd") + "\n");
    Files.writeString(
        targets.resolve("broken.yaml"),
        "id: broken\nkind: http\ndsn: http://127.0.0.1:1/in\noptions:\n  retries: 0\n");
    return new Cli(Path.of("scenarios"), targets, tmp.resolve("history"));
  }

  private static long lines(Path f) throws IOException {
    try (Stream<String> s = Files.lines(f)) {
      return s.count();
    }
  }

  @Test
  void severalTargetsGetIdenticalDataFromOneRun() throws IOException {
    Cli cli = cli();
    Cli.Result r =
        cli.run(
            "run",
            "start",
            "--scenario",
            "iot-demo",
            "--target",
            "csv,nd",
            "--scale",
            "0.05",
            "--quiet");
    assertEquals(0, r.exit(), r.err());
    assertEquals(5_000 + 1, lines(tmp.resolve("csv/telemetry.csv")));
    assertEquals(5_000, lines(tmp.resolve("nd/telemetry.ndjson")));
    assertTrue(r.out().contains("target      csv, nd (csv, ndjson)"), r.out());
    Cli.Result alone =
        cli.run(
            "run",
            "start",
            "--scenario",
            "iot-demo",
            "--target-kind",
            "ndjson",
            "--target",
            tmp.resolve("alone").toString(),
            "--scale",
            "0.05",
            "--quiet");
    assertEquals(0, alone.exit(), alone.err());
    assertArrayEquals(
        Files.readAllBytes(tmp.resolve("alone/telemetry.ndjson")),
        Files.readAllBytes(tmp.resolve("nd/telemetry.ndjson")));
  }

  @Test
  void aFailingTargetFailsTheRunAndIsNamedInTheRecord() throws IOException {
    Cli cli = cli();
    Cli.Result r =
        cli.run(
            "run",
            "start",
            "--scenario",
            "iot-demo",
            "--target",
            "nd",
            "--target",
            "broken",
            "--scale",
            "0.05",
            "--quiet");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("target 'broken' (http) failed"), r.err());
    Cli.Result show = cli.run("run", "list", "--status", "failed", "--format", "json");
    assertTrue(show.out().contains("target 'broken' (http) failed"), show.out());
  }

  @Test
  void durationWithARecordRateWritesExactlyRateTimesDuration() throws IOException {
    Cli cli = cli();
    Cli.Result plan =
        cli.run(
            "run",
            "start",
            "--scenario",
            "iot-demo",
            "--target",
            "nd",
            "--rate",
            "2k/s",
            "--duration",
            "1s",
            "--plan");
    assertEquals(0, plan.exit(), plan.err());
    assertTrue(plan.out().matches("(?s).*telemetry\\s+telemetry\\s+2,000.*"), plan.out());
    Cli.Result r =
        cli.run(
            "run",
            "start",
            "--scenario",
            "iot-demo",
            "--target",
            "nd",
            "--rate",
            "20k/s",
            "--duration",
            "1s",
            "--quiet");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("traffic     steady at 20k/s"), r.out());
    assertEquals(20_000, lines(tmp.resolve("nd/telemetry.ndjson")));
  }

  @Test
  void pacedAndBurstRunsWriteTheSameBytesAsAnUnpacedOne() throws IOException {
    Cli cli = cli();
    String[] base = {"run", "start", "--scenario", "iot-demo", "--scale", "0.05", "--quiet"};
    String[][] variants = {
      {"--target-kind", "ndjson", "--target", tmp.resolve("free").toString()},
      {"--target-kind", "ndjson", "--target", tmp.resolve("steady").toString(), "--rate", "40k/s"},
      {
        "--target-kind",
        "ndjson",
        "--target",
        tmp.resolve("burst").toString(),
        "--rate",
        "2MB/s",
        "--traffic",
        "burst",
        "--burst-window",
        "250ms"
      },
    };
    for (String[] v : variants) {
      String[] args =
          java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(v))
              .toArray(String[]::new);
      Cli.Result r = cli.run(args);
      assertEquals(0, r.exit(), r.err());
    }
    byte[] free = Files.readAllBytes(tmp.resolve("free/telemetry.ndjson"));
    assertArrayEquals(free, Files.readAllBytes(tmp.resolve("steady/telemetry.ndjson")));
    assertArrayEquals(free, Files.readAllBytes(tmp.resolve("burst/telemetry.ndjson")));
  }

  @Test
  void payloadShapingReachesAnHttpReceiver() throws IOException {
    try (HttpReceiver receiver = new HttpReceiver().start()) {
      Cli cli = cli();
      Cli.Result r =
          cli.run(
              "run",
              "start",
              "--scenario",
              "iot-demo",
              "--target-kind",
              "http",
              "--target",
              receiver.url(),
              "--include-entity",
              "sites",
              "--payload-size",
              "1KB",
              "--quiet");
      assertEquals(0, r.exit(), r.err());
      HttpReceiver.Request batch = receiver.accepted().get(0);
      batch.text().lines().forEach(l -> assertEquals(1000, l.length()));
      assertEquals("50", batch.header("syngen-row-count"));
    }
  }

  @Test
  void badTrafficFlagsAreRejectedBeforeAnythingIsWritten() throws IOException {
    Cli cli = cli();
    String[][] cases = {
      {"--rate", "fast", "rate 'fast' is not understood"},
      {"--duration", "soon", "duration 'soon' is not understood"},
      {"--traffic", "burst", "traffic.mode: burst traffic needs a rate"},
      {"--traffic", "wavy", "traffic mode 'wavy' is unknown"},
      {"--payload-size", "1KB", "traffic.payload_size: shapes message payloads, but target"},
      {"--wall-clock", "traffic.wall_clock: applies to streaming runs only"},
    };
    for (String[] c : cases) {
      String[] args = new String[c.length - 1 + 6];
      String[] base = {"run", "start", "--scenario", "iot-demo", "--target", "nd"};
      System.arraycopy(base, 0, args, 0, 6);
      System.arraycopy(c, 0, args, 6, c.length - 1);
      Cli.Result r = cli.run(args);
      assertEquals(2, r.exit(), String.join(" ", c));
      assertTrue(r.err().contains(c[c.length - 1]), r.err());
    }
    assertFalse(Files.exists(tmp.resolve("nd")), "nothing written");
  }

  @Test
  void aWallClockRunStampsTimestampsWithTheTimeOfProductionAndSaysSo() throws IOException {
    Cli cli = cli();
    java.time.Instant before =
        java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    Cli.Result r =
        cli.run(
            "run",
            "start",
            "--scenario",
            "iot-demo",
            "--scale",
            "0.05",
            "--quiet",
            "--target-kind",
            "ndjson",
            "--target",
            tmp.resolve("live").toString(),
            "--rate",
            "50k/s",
            "--wall-clock",
            "--format",
            "json");
    java.time.Instant after = java.time.Instant.now();
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().matches("(?s).*\"wall_clock\"\\s*:\\s*true.*"), r.out());
    List<String> rows = Files.readAllLines(tmp.resolve("live/telemetry.ndjson"));
    assertEquals(5_000, rows.size());
    java.util.regex.Pattern at = java.util.regex.Pattern.compile("\"observed_at\":\"([^\"]+)\"");
    java.time.Instant previous = java.time.Instant.EPOCH;
    for (String row : rows) {
      java.util.regex.Matcher m = at.matcher(row);
      assertTrue(m.find(), row);
      java.time.Instant t = java.time.Instant.parse(m.group(1));
      assertFalse(t.isBefore(before) || t.isAfter(after), t + " outside the run");
      assertFalse(t.isBefore(previous), "times never go back");
      previous = t;
    }
  }

  @Test
  void aTemplateThatIsNotJsonIsRejected() throws IOException {
    Cli.Result r =
        cli()
            .run(
                "run",
                "start",
                "--scenario",
                "iot-demo",
                "--target-kind",
                "http",
                "--target",
                "http://127.0.0.1:1/x",
                "--payload-template",
                "{\"v\": {{value}");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("traffic.payload_template: is not JSON"), r.err());
  }
}
