package dev.syngen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat pack at its {@code ci} band passes the published release gate, and planted defects
 * (heavy rooms removed, the diurnal curve flattened, a sender who is not a member) each give NO-GO
 * naming the metric or integrity check.
 */
class ChatGateTest {
  @TempDir static Path tmp;
  private static Path clean;
  private static String runId;

  private static Cli cli() {
    return new Cli(Path.of("scenarios"), Path.of("targets"), tmp.resolve("history"));
  }

  @BeforeAll
  static void generate() {
    clean = tmp.resolve("clean");
    Cli.Result run =
        cli()
            .run(
                "run",
                "start",
                "--scenario",
                "chat",
                "--band",
                "ci",
                "--target-kind",
                "csv",
                "--target",
                clean.toString(),
                "--quiet",
                "--format",
                "json");
    assertEquals(0, run.exit(), run.err());
    runId = run.out().replaceAll("(?s)^.*?\"id\" : \"([^\"]+)\".*$", "$1");
  }

  private static Cli.Result gate(Path data, Path reports) {
    return cli()
        .run(
            "fidelity",
            "--scenario",
            "chat",
            "--band",
            "ci",
            "--target-kind",
            "csv",
            "--target",
            data.toString(),
            "--report-dir",
            reports.toString());
  }

  @Test
  void theCiBandIsGoAndItsGenerationReportHoldsSizesSeedHashAndMetrics() throws IOException {
    Path reports = tmp.resolve("reports-clean");
    Cli.Result r = cli().run("fidelity", "--run", runId, "--report-dir", reports.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains(": GO"), r.out());
    List<Path> files;
    try (Stream<Path> s = Files.list(reports)) {
      files = s.toList();
    }
    assertEquals(1, files.size());
    assertTrue(files.get(0).getFileName().toString().matches("report_ci_\\d{8}T\\d{6}Z\\.json"));
    JsonNode report = new ObjectMapper().readTree(files.get(0).toFile());
    assertEquals("GO", report.get("verdict").asText());
    assertEquals(1718, report.get("seed").asLong());
    assertEquals(64, report.get("config_hash").asText().length());
    assertEquals(runId, report.get("run_id").asText());
    assertEquals(7, report.get("metrics").size());
    assertEquals(3, report.get("integrity").size());
    Map<String, Long> sizes = new HashMap<>();
    report
        .get("sizes")
        .forEach(t -> sizes.put(t.get("entity").asText(), t.get("observed").asLong()));
    assertEquals(400_000L, sizes.get("messages"));
    assertEquals(1000L, sizes.get("conversations"));
    assertEquals(400L, sizes.get("users"));
    report
        .get("metrics")
        .forEach(m -> assertEquals("PASS", m.get("status").asText(), m.toString()));
  }

  @Test
  void removingTheHeavyRoomsIsNoGoNamingHeavyRooms() throws IOException {
    Map<String, Integer> perConversation = new HashMap<>();
    lines(clean.resolve("messages.csv")).stream()
        .skip(1)
        .forEach(l -> perConversation.merge(l.split(",")[1], 1, Integer::sum));
    Set<String> heavy = new HashSet<>();
    perConversation.forEach(
        (c, n) -> {
          if (n >= 10_000) {
            heavy.add(c);
          }
        });
    assertTrue(heavy.size() > 5, "heavy rooms in the clean data: " + heavy.size());
    Path data =
        planted("no-heavy", "messages.csv", l -> heavy.contains(l.split(",")[1]) ? null : l);
    Cli.Result r = gate(data, tmp.resolve("reports-heavy"));
    assertEquals(FidelityCommand.EXIT_NO_GO, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("NO-GO because"), r.out());
    assertTrue(r.out().contains("critical metric heavy_rooms"), r.out());
  }

  @Test
  void flatteningTheDiurnalCurveIsNoGoNamingTheDiurnalPattern() throws IOException {
    int[] n = {0};
    Path data =
        planted(
            "flat",
            "messages.csv",
            l -> {
              String[] f = l.split(",", -1);
              String hour = String.format("%02d", n[0]++ % 24);
              f[3] = f[3].substring(0, 11) + hour + f[3].substring(13);
              return String.join(",", f);
            });
    Cli.Result r = gate(data, tmp.resolve("reports-flat"));
    assertEquals(FidelityCommand.EXIT_NO_GO, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("critical metric diurnal_pattern"), r.out());
  }

  @Test
  void aSenderWhoIsNotAMemberIsNoGoNamingReferentialIntegrity() throws IOException {
    Map<String, Set<String>> members = new HashMap<>();
    lines(clean.resolve("conversation_members.csv")).stream()
        .skip(1)
        .forEach(
            l -> {
              String[] f = l.split(",");
              members.computeIfAbsent(f[0], k -> new HashSet<>()).add(f[1]);
            });
    String outsider =
        members.values().stream()
            .flatMap(Set::stream)
            .filter(u -> !members.get("1").contains(u))
            .findFirst()
            .orElseThrow();
    Path data =
        planted(
            "outsider",
            "messages.csv",
            l -> {
              String[] f = l.split(",", -1);
              if (f[0].equals("1")) {
                f[2] = outsider;
              }
              return String.join(",", f);
            });
    Cli.Result r = gate(data, tmp.resolve("reports-outsider"));
    assertEquals(FidelityCommand.EXIT_NO_GO, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("integrity referential_integrity"), r.out());
    assertTrue(r.out().contains("messages.sender_id: 1 of"), r.out());
  }

  /** A copy of the clean data with one file's data lines rewritten (null drops the line). */
  private static Path planted(String name, String file, UnaryOperator<String> edit)
      throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    try (Stream<Path> s = Files.list(clean)) {
      for (Path f : s.toList()) {
        if (!f.getFileName().toString().equals(file)) {
          Files.copy(f, dir.resolve(f.getFileName()));
        }
      }
    }
    List<String> in = lines(clean.resolve(file));
    List<String> out = new ArrayList<>(in.size());
    out.add(in.get(0));
    for (String l : in.subList(1, in.size())) {
      String e = edit.apply(l);
      if (e != null) {
        out.add(e);
      }
    }
    Files.write(dir.resolve(file), out);
    return dir;
  }

  private static List<String> lines(Path f) {
    try {
      return Files.readAllLines(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
