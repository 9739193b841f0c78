package dev.syngen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syngen.io.history.FileRunRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clusters found in a table come back in data drafted with {@code --keep-clusters}: the source has
 * three groups (each with its own amount, age and segment), the draft keeps them as mixtures under
 * one latent, and profiling the generated rows finds the same three groups at the same sizes.
 */
class ClusterDraftTest {
  private static final String SOURCE =
      """
      id: groups
      name: Three groups
      seed: 5
      as_of: 2026-01-01T00:00:00Z
      entities:
        - name: customers
          rows: 6000
          columns:
            - {name: id, type: bigint, generator: sequence}
            - name: amount
              type: double
              generator: {type: mixture, params: {latent: group, weights: [0.45, 0.35, 0.2], components: [
                {type: normal, params: {mean: 20, std: 3}},
                {type: normal, params: {mean: 200, std: 10}},
                {type: normal, params: {mean: 900, std: 30}}]}}
            - name: age
              type: bigint
              generator: {type: mixture, params: {latent: group, weights: [0.45, 0.35, 0.2], components: [
                {type: uniform_int, params: {min: 18, max: 25}},
                {type: uniform_int, params: {min: 40, max: 50}},
                {type: uniform_int, params: {min: 60, max: 70}}]}}
            - name: segment
              type: string
              generator: {type: mixture, params: {latent: group, weights: [0.45, 0.35, 0.2], components: [
                {type: const, params: {value: student}},
                {type: const, params: {value: pro}},
                {type: const, params: {value: retired}}]}}
      """;

  @TempDir Path tmp;

  @Test
  void aDraftWithKeepClustersReproducesTheClustersAndTheirSizes() throws IOException {
    Path scenarios = Files.createDirectories(tmp.resolve("scenarios"));
    Files.writeString(scenarios.resolve("groups.yaml"), SOURCE);
    Cli cli = new Cli(scenarios, Path.of("targets"), tmp.resolve("history"));
    String sourceRun = run(cli, "groups", tmp.resolve("source"));
    // a mixture declares its law, the weighted mixture of its components', and fidelity tests it
    Cli.Result fidelity = cli.run("fidelity", "--run", sourceRun);
    assertEquals(0, fidelity.exit(), fidelity.out());
    assertTrue(
        fidelity
            .out()
            .matches("(?s).*PASS +distribution +customers.amount +follows mixture of 3.*"),
        fidelity.out());
    List<Double> source = shares(cli, tmp.resolve("source"), tmp.resolve("source.json"));
    List<Double> declared = List.of(0.45, 0.35, 0.2);
    for (int i = 0; i < 3; i++) {
      assertEquals(declared.get(i), source.get(i), 0.03, source.toString());
    }

    Cli.Result d =
        cli.run(
            "scenario",
            "from-profile",
            tmp.resolve("source.json").toString(),
            "--id",
            "copy",
            "--keep-clusters",
            "--out",
            scenarios.resolve("copy.yaml").toString());
    assertEquals(0, d.exit(), d.err());
    String yaml = Files.readString(scenarios.resolve("copy.yaml"));
    assertTrue(yaml.contains("type: mixture") && yaml.contains("latent: cluster"), yaml);

    String copyRun = run(cli, "copy", tmp.resolve("copy"));
    Cli.Result copyFidelity = cli.run("fidelity", "--run", copyRun);
    assertEquals(0, copyFidelity.exit(), copyFidelity.out());
    assertTrue(copyFidelity.out().contains(": GO"), copyFidelity.out());
    List<Double> copy = shares(cli, tmp.resolve("copy"), tmp.resolve("copy.json"));
    for (int i = 0; i < 3; i++) {
      assertEquals(source.get(i), copy.get(i), 0.03, "cluster sizes " + source + " vs " + copy);
    }

    // without --keep-clusters the columns are drawn independently: the groups mix
    Cli.Result plain =
        cli.run(
            "scenario",
            "from-profile",
            tmp.resolve("source.json").toString(),
            "--id",
            "plain",
            "--out",
            scenarios.resolve("plain.yaml").toString());
    assertEquals(0, plain.exit(), plain.err());
    run(cli, "plain", tmp.resolve("plain"));
    JsonNode p = profile(cli, tmp.resolve("plain"), tmp.resolve("plain.json"));
    double silhouetteCopy =
        profile(cli, tmp.resolve("copy"), tmp.resolve("copy2.json"))
            .path("clusters")
            .path("silhouette")
            .asDouble();
    double silhouettePlain = p.path("clusters").path("silhouette").asDouble();
    assertTrue(
        silhouetteCopy > silhouettePlain + 0.2,
        "kept clusters are clearer: " + silhouetteCopy + " vs " + silhouettePlain);
  }

  /** Runs a scenario into CSV files; returns the run id. */
  private static String run(Cli cli, String scenario, Path out) {
    Cli.Result r =
        cli.run(
            "run",
            "start",
            "--scenario",
            scenario,
            "--target-kind",
            "csv",
            "--target",
            out.toString(),
            "--quiet",
            "--format",
            "json");
    assertEquals(0, r.exit(), r.err());
    return r.out().replaceAll("(?s)^.*?\"id\" : \"([^\"]+)\".*$", "$1");
  }

  private static JsonNode profile(Cli cli, Path data, Path json) throws IOException {
    Cli.Result p =
        cli.run(
            "profile",
            "--target-kind",
            "csv",
            "--target",
            data.toString(),
            "--table",
            "customers",
            "--clusters",
            "3",
            "--out",
            json.toString());
    assertEquals(0, p.exit(), p.err());
    return FileRunRepository.mapper().readTree(Files.readString(json));
  }

  private static List<Double> shares(Cli cli, Path data, Path json) throws IOException {
    List<Double> out = new ArrayList<>();
    for (JsonNode c : profile(cli, data, json).path("clusters").path("found")) {
      out.add(c.path("share").asDouble());
    }
    assertEquals(3, out.size(), out.toString());
    return out;
  }
}
