package dev.syngen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syngen.io.history.FileRunRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code syngen profile} describes a table's shape without its identifiers or free text; {@code
 * syngen scenario from-profile} drafts a scenario whose data reproduces the profile.
 */
class ProfileCommandTest {
  private static final String SOURCE =
      """
      id: people
      name: People
      seed: 3
      as_of: 2026-01-01T00:00:00Z
      entities:
        - name: people
          rows: 6000
          columns:
            - {name: person_id, type: uuid, generator: uuid4}
            - {name: full_name, type: string, generator: faker_name}
            - {name: email, type: string, generator: faker_email}
            - {name: plan, type: string, generator: {type: choice, params: {values: [free, pro, team, rare_plan], weights: [6000, 3000, 1000, 1]}}}
            - {name: income, type: double, generator: {type: lognormal, params: {mu: 10, sigma: 0.4}}}
            - {name: age, type: int, null_rate: 0.1, generator: {type: poisson, params: {lambda: 40}}}
            - {name: active, type: bool, generator: {type: bool, params: {p: 0.8}}}
            - {name: joined_at, type: timestamp, generator: {type: timestamp_between, params: {start: "-400d", end: "-1d"}}}
      """;
  @TempDir Path tmp;

  private Cli cli() throws IOException {
    Path scenarios = Files.createDirectories(tmp.resolve("scenarios"));
    Files.writeString(scenarios.resolve("people.yaml"), SOURCE);
    return new Cli(scenarios, Path.of("targets"), tmp.resolve("history"));
  }

  @Test
  void profilesShapeWithoutIdentifiersAndDraftsAScenarioThatReproducesIt() throws IOException {
    Cli cli = cli();
    Path data = tmp.resolve("data");
    assertEquals(
        0,
        cli.run(
                "run",
                "start",
                "--scenario",
                "people",
                "--target-kind",
                "csv",
                "--target",
                data.toString(),
                "--quiet")
            .exit());
    Path profile = tmp.resolve("people.json");
    Cli.Result p =
        cli.run(
            "profile",
            "--target-kind",
            "csv",
            "--target",
            data.toString(),
            "--table",
            "people",
            "--out",
            profile.toString());
    assertEquals(0, p.exit(), p.err());
    assertTrue(p.out().contains("clusters (kmeans, silhouette "), p.out());
    assertTrue(p.out().contains(") over income, age, plan=free"), p.out());
    assertTrue(p.out().contains("separated most by "), p.out());

    Cli.Result ward =
        cli.run(
            "profile",
            "--target-kind",
            "csv",
            "--target",
            data.toString(),
            "--table",
            "people",
            "--cluster-method",
            "hierarchical",
            "--clusters",
            "2",
            "--format",
            "json");
    assertEquals(0, ward.exit(), ward.err());
    JsonNode clusters = FileRunRepository.mapper().readTree(ward.out()).path("clusters");
    assertEquals("hierarchical", clusters.path("method").asText(), ward.out());
    assertEquals(
        2, clusters.path("found").size() + clusters.path("suppressed").asInt(), ward.out());
    assertTrue(clusters.path("separating").size() > 0, ward.out());

    Cli.Result wrong =
        cli.run(
            "profile",
            "--target-kind",
            "csv",
            "--target",
            data.toString(),
            "--table",
            "people",
            "--cluster-method",
            "spectral");
    assertEquals(2, wrong.exit(), wrong.out());
    assertTrue(wrong.err().contains("--cluster-method"), wrong.err());
    assertTrue(wrong.err().contains("use kmeans, dbscan or hierarchical"), wrong.err());

    String json = Files.readString(profile);
    List<String> lines = Files.readAllLines(data.resolve("people.csv"));
    for (String line : lines.subList(1, 200)) {
      String[] f = line.split(",", -1);
      assertFalse(json.contains(f[0]), "a raw id leaked: " + f[0]);
      assertFalse(json.contains(f[1].replace("\"", "")), "a raw name leaked: " + f[1]);
      assertFalse(json.contains(f[2]), "a raw e-mail leaked: " + f[2]);
    }
    assertFalse(json.contains("rare_plan"), "a value seen fewer than k times leaked");
    JsonNode tree = FileRunRepository.mapper().readTree(json);
    JsonNode columns = tree.get("columns");
    assertEquals("identifier", columns.get(0).get("role").asText());
    assertEquals("text", columns.get(1).get("role").asText());
    assertEquals("category", columns.get(3).get("role").asText());
    assertTrue(columns.get(3).get("shares").has("other"), "rare values are folded into other");
    assertEquals(
        Math.exp(10), columns.get(4).get("percentiles").get("p50").asDouble(), Math.exp(10) * 0.03);
    assertEquals(0.1, columns.get(5).get("null_rate").asDouble(), 0.02);
    assertEquals("flag", columns.get(6).get("role").asText());
    assertEquals("time", columns.get(7).get("role").asText());

    Path drafted = tmp.resolve("scenarios").resolve("drafted.yaml");
    Cli.Result d =
        cli.run(
            "scenario",
            "from-profile",
            profile.toString(),
            "--id",
            "drafted",
            "--out",
            drafted.toString());
    assertEquals(0, d.exit(), d.err());
    assertTrue(d.out().contains("valid"), d.out());
    Cli.Result run =
        cli.run(
            "run",
            "start",
            "--scenario",
            "drafted",
            "--target-kind",
            "csv",
            "--target",
            tmp.resolve("gen").toString(),
            "--quiet",
            "--format",
            "json");
    assertEquals(0, run.exit(), run.err());
    String id = run.out().replaceAll("(?s)^.*?\"id\" : \"([^\"]+)\".*$", "$1");
    Cli.Result fidelity = cli.run("fidelity", "--run", id);
    assertEquals(0, fidelity.exit(), fidelity.out());
    assertTrue(
        fidelity.out().matches("(?s).*percentiles +people.income +percentiles within.*"),
        fidelity.out());

    Cli.Result compare =
        cli.run(
            "profile",
            "--target-kind",
            "csv",
            "--target",
            tmp.resolve("gen").toString(),
            "--table",
            "people",
            "--compare",
            profile.toString());
    assertEquals(0, compare.exit(), compare.err());
    assertTrue(compare.out().contains("clusters of people (first)"), compare.out());
    assertTrue(compare.out().contains("clusters of people (second)"), compare.out());
  }

  @Test
  void badInputIsRefused() throws IOException {
    Cli cli = cli();
    Cli.Result table =
        cli.run(
            "profile", "--target-kind", "csv", "--target", tmp.toString(), "--table", "x; drop");
    assertEquals(2, table.exit());
    assertTrue(table.err().contains("not a safe table name"), table.err());
    Cli.Result missing =
        cli.run("profile", "--target-kind", "csv", "--target", tmp.toString(), "--table", "nope");
    assertEquals(1, missing.exit());
    assertTrue(missing.err().contains("no file"), missing.err());
    Path notProfile = tmp.resolve("x.json");
    Files.writeString(notProfile, "[1, 2]");
    Cli.Result bad = cli.run("scenario", "from-profile", notProfile.toString());
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("is not a syngen profile"), bad.err());
  }
}
