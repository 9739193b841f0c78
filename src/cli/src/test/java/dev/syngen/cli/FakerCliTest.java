package dev.syngen.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The faker generator from the command line: any Datafaker provider by name or expression,
 * validated before anything is written; compiled values independent of threads and batch sizes; the
 * config hash changed for scenarios with faker columns only (CHANGELOG 0.2.0).
 */
class FakerCliTest {
  @TempDir Path tmp;

  private static final String HEAD =
      """
      id: %s
      name: %s
      version: 1.0.0
      seed: 7
      as_of: 2026-01-01T00:00:00Z
      entities:
        - name: t
          rows: 100
          columns:
            - {name: id, type: bigint, generator: sequence}
      """;

  private Cli cli() {
    return new Cli(tmp.resolve("scenarios"), tmp.resolve("targets"), tmp.resolve("history"));
  }

  private Path scenario(String file, String id, String name, String... columns) throws IOException {
    StringBuilder sb = new StringBuilder(HEAD.formatted(id, name));
    for (String c : columns) {
      sb.append("      ").append(c).append('\n');
    }
    return Files.writeString(tmp.resolve(file), sb.toString());
  }

  private String hash(Path scenario) {
    Cli.Result r =
        cli()
            .run(
                "run",
                "start",
                "--scenario",
                scenario.toString(),
                "--target-kind",
                "csv",
                "--target",
                tmp.resolve("out").toString(),
                "--plan",
                "--format",
                "json");
    assertEquals(0, r.exit(), r.err());
    return r.out().replaceAll("(?s)^.*\"config_hash\" : \"([0-9a-f]+)\".*$", "$1");
  }

  @Test
  void configHashChangesForFakerColumnsOnly() throws IOException {
    // Both hashes as syngen computed them before compiled faker values (commit 5788ab4).
    Path plain =
        scenario(
            "plain.yaml",
            "hash-plain",
            "No faker column",
            "- {name: tier, type: string, generator: {type: choice, params: {values: [a, b]}}}");
    Path faker =
        scenario(
            "faker.yaml",
            "hash-faker",
            "A faker column",
            "- {name: who, type: string, generator: {type: faker_name, params: {locale: de}}}");
    assertEquals("202d14952878f7e33a978606c828f44a721c0492e17cd65f66e187b13065cb4e", hash(plain));
    assertNotEquals(
        "ed47cfc421c1b0673adf5482e4d61d2eaa44d4a89a0921b7e8c2a08b80fe8929",
        hash(faker),
        "faker values changed, so the hash must too");
  }

  @Test
  void anyProviderByNameOrExpressionIsTheSameDataAtAnyParallelismAndBatchSize() throws IOException {
    Path s =
        scenario(
            "any.yaml",
            "any-faker",
            "Providers",
            "- {name: product, type: string, faker: commerce.product_name}",
            "- {name: job, type: string, faker: {provider: job.title, locale: de}}",
            "- {name: line, type: string, faker: \"#{Name.firstName} from #{Address.city}, #{numerify '##'}\"}",
            "- {name: who, type: string, generator: {type: faker, params: {expression: \"#{Name.name}\", locale: ja}}}");
    byte[] one = run(s, "1", "4096", "a");
    assertArrayEquals(one, run(s, "2", "7", "b"), "--parallel 2 --batch-size 7");
    assertArrayEquals(one, run(s, "2", "333", "c"), "--parallel 2 --batch-size 333");
    List<String> lines = Files.readAllLines(tmp.resolve("a/t.csv"));
    assertEquals("id,product,job,line,who", lines.get(0));
    assertEquals(101, lines.size());
    assertTrue(
        lines.get(1).matches("1,[^,]+ [^,]+,[^,]+,\".+ from .+, \\d\\d\",\\S+ \\S+"), lines.get(1));
  }

  private byte[] run(Path scenario, String parallel, String batch, String dir) throws IOException {
    Cli.Result r =
        cli()
            .run(
                "run",
                "start",
                "--scenario",
                scenario.toString(),
                "--target-kind",
                "csv",
                "--target",
                tmp.resolve(dir).toString(),
                "--parallel",
                parallel,
                "--batch-size",
                batch,
                "--quiet");
    assertEquals(0, r.exit(), r.err());
    return Files.readAllBytes(tmp.resolve(dir).resolve("t.csv"));
  }

  @Test
  void unknownProvidersAndMethodsAreRejectedWithASuggestionBeforeWriting() throws IOException {
    Path s =
        scenario(
            "bad.yaml",
            "bad-faker",
            "Typos",
            "- {name: a, type: string, faker: comerce.product_name}",
            "- {name: b, type: string, faker: commerce.prodct_name}",
            "- {name: c, type: string, faker: \"#{Name.frist_name}\"}",
            "- {name: d, type: string, faker: {provider: name.first_name, expression: \"#{Name.name}\"}}");
    Cli.Result r =
        cli()
            .run(
                "run",
                "start",
                "--scenario",
                s.toString(),
                "--target-kind",
                "csv",
                "--target",
                tmp.resolve("bad").toString(),
                "--quiet");
    assertEquals(SyngenCommand.EXIT_INVALID, r.exit());
    assertTrue(
        r.err().contains("'comerce' is not a Datafaker provider; did you mean 'commerce'?"),
        r.err());
    assertTrue(
        r.err().contains("has no method 'prodct_name'; did you mean 'product_name'?"), r.err());
    assertTrue(r.err().contains("has no method 'frist_name'; did you mean 'first_name'?"), r.err());
    assertTrue(r.err().contains("is set together with provider"), r.err());
    assertFalse(
        Files.exists(tmp.resolve("bad/t.csv")), "nothing is written for an invalid scenario");
  }

  @Test
  void generatorsFakerListsProvidersAndWhatIsCompiled() {
    Cli.Result all = cli().run("generators", "--faker");
    assertEquals(0, all.exit(), all.err());
    assertTrue(all.out().contains("commerce"), all.out());
    assertTrue(all.out().contains("product_name"), all.out());
    Cli.Result name = cli().run("generators", "--faker", "--provider", "name", "--locale", "de");
    assertEquals(0, name.exit(), name.err());
    assertTrue(
        name.out().matches("(?s).*name\\.last_name +#\\{Name\\.lastName} +compiled.*"), name.out());
    Cli.Result typo = cli().run("generators", "--faker", "--provider", "nam");
    assertEquals(SyngenCommand.EXIT_INVALID, typo.exit());
    assertTrue(typo.err().contains("did you mean 'name'?"), typo.err());
  }
}
