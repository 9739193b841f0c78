package dev.syngen.server.application.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.io.Targets;
import dev.syngen.server.infrastructure.config.SyngenSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetResolverTest {
  @TempDir Path home;
  private TargetResolver resolver;

  @BeforeEach
  void resolver() throws IOException {
    Files.createDirectories(home.resolve("out"));
    resolver = new TargetResolver();
    resolver.targets = Targets.builtins();
    resolver.settings =
        new SyngenSettings() {
          @Override
          public Path home() {
            return home;
          }

          @Override
          public Path outputDir() {
            return home.resolve("out");
          }

          @Override
          public Path targetsDir() {
            return home.resolve("targets");
          }
        };
  }

  private static TargetSpec csv(String dsn) {
    return new TargetSpec("t", null, "csv", dsn, null, Map.of());
  }

  private static List<String> paths(Problems p) {
    return p.list().stream().map(Problem::path).toList();
  }

  @Test
  void relativeFilePathsResolveInsideTheOutputDirectory() {
    Problems p = new Problems();
    TargetProfile profile = resolver.resolve(csv("./out/csv"), "", p);

    assertEquals(List.of(), p.list());
    assertEquals(home.resolve("out/csv").toString(), profile.dsn());
    TargetProfile sqlite =
        resolver.resolve(new TargetSpec("s", null, "sqlite", "out/a.db", null, null), "", p);
    assertEquals(home.resolve("out/a.db").toString(), sqlite.dsn());
  }

  @Test
  void pathsLeavingTheOutputDirectoryAreRefused() throws IOException {
    Files.createSymbolicLink(
        home.resolve("out/escape"), Files.createDirectories(home.resolve("x")));
    for (String dsn : List.of("/etc", "out/../../x", "file:/tmp/x", "out/escape/inner")) {
      Problems p = new Problems();
      assertNull(resolver.resolve(csv(dsn), "target", p), dsn);
      assertEquals(List.of("target.dsn"), paths(p), dsn);
    }
  }

  @Test
  void otherProblemsCarryTheirPathsToo() {
    Problems p = new Problems();
    resolver.resolve(
        new TargetSpec("p", null, "postgres", "postgres://u@h/db", "bad schema", Map.of("x", "1")),
        "target",
        p);
    assertEquals(List.of("target.schema", "target.options.x"), paths(p));

    Problems unset = new Problems();
    resolver.resolve(csv("${SYNGEN_SURELY_UNSET_VARIABLE}/x"), "", unset);
    assertEquals(List.of("dsn"), paths(unset));
  }
}
