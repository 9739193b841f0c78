package dev.syngen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every domain pack in scenarios/ is valid, runs, and passes its own fidelity check (the laws its
 * generators declare, its expectations and its integrity rules); scale bands resize it.
 */
class DomainPacksTest {
  @TempDir Path tmp;

  private Cli cli() {
    return new Cli(Path.of("scenarios"), Path.of("targets"), tmp.resolve("history"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "stock-market",
        "iot",
        "purchases",
        "medical-records",
        "advertising",
        "media",
        "chat"
      })
  void packRunsAndIsGo(String pack) {
    Cli cli = cli();
    Cli.Result run =
        cli.run(
            "run",
            "start",
            "--scenario",
            pack,
            "--target-kind",
            "csv",
            "--target",
            tmp.resolve("out").toString(),
            "--scale",
            "0.25",
            "--quiet",
            "--format",
            "json");
    assertEquals(0, run.exit(), run.err());
    String id = run.out().replaceAll("(?s)^.*?\"id\" : \"([^\"]+)\".*$", "$1");
    Cli.Result fidelity = cli.run("fidelity", "--run", id);
    assertEquals(0, fidelity.exit(), fidelity.out() + fidelity.err());
    assertTrue(fidelity.out().contains(": GO"), fidelity.out());
  }

  @Test
  void bandsResizeAPackAtRunTime() {
    Cli.Result dev =
        cli()
            .run(
                "run",
                "start",
                "--scenario",
                "chat",
                "--target-kind",
                "csv",
                "--target",
                tmp.toString(),
                "--band",
                "dev",
                "--plan",
                "--format",
                "json");
    Cli.Result staging =
        cli()
            .run(
                "run",
                "start",
                "--scenario",
                "chat",
                "--target-kind",
                "csv",
                "--target",
                tmp.toString(),
                "--band",
                "staging",
                "--plan",
                "--format",
                "json");
    assertEquals(0, dev.exit(), dev.err());
    assertEquals(0, staging.exit(), staging.err());
    assertTrue(dev.out().matches("(?s).*\"rows\" : 8000\\b.*"), dev.out());
    assertTrue(dev.out().matches("(?s).*\"rows\" : 5000000\\b.*"), dev.out());
    assertTrue(staging.out().matches("(?s).*\"rows\" : 300000\\b.*"), staging.out());
    assertTrue(staging.out().matches("(?s).*\"rows\" : 100000000\\b.*"), staging.out());
  }
}
