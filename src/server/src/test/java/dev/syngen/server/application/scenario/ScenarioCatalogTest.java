package dev.syngen.server.application.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.server.infrastructure.config.SyngenSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioCatalogTest {
  private static final String SCENARIO =
      """
      id: %s
      name: n
      entities:
        - name: a
          rows: 3
          columns:
            - {name: id, type: uuid, generator: {type: uuid4}}
      """;

  @TempDir Path tmp;
  private ScenarioCatalog catalog;

  @BeforeEach
  void catalog() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("scenarios"));
    Files.writeString(dir.resolve("plain.yaml"), SCENARIO.formatted("plain"));
    Files.writeString(dir.resolve("file-name.yaml"), SCENARIO.formatted("declared-id"));
    Files.writeString(dir.resolve("broken.yaml"), "entities: 3");
    Path outside = Files.writeString(tmp.resolve("secret.yaml"), SCENARIO.formatted("secret"));
    Files.createSymbolicLink(dir.resolve("link.yaml"), outside);
    catalog = new ScenarioCatalog();
    catalog.compiler = new PlanCompiler(GeneratorRegistry.builtins());
    catalog.settings =
        new SyngenSettings() {
          @Override
          public Path scenariosDir() {
            return dir;
          }
        };
  }

  @Test
  void listsOnlyFilesInsideTheDirectoryWithTheirValidity() {
    List<String> ids = catalog.list().stream().map(ScenarioFile::id).toList();

    assertEquals(List.of("broken", "declared-id", "plain"), ids);
    assertFalse(catalog.list().get(0).valid());
    assertTrue(catalog.list().get(2).valid());
  }

  @Test
  void findsByFileNameOrDeclaredIdButNeverOutside() {
    assertEquals("plain", catalog.find("plain").orElseThrow().id());
    assertEquals("file-name.yaml", catalog.find("declared-id").orElseThrow().file());
    assertTrue(catalog.find("link").isEmpty(), "a symbolic link out of the directory");
    assertTrue(catalog.find("secret").isEmpty());
    assertTrue(catalog.find("../secret").isEmpty());
    assertTrue(catalog.find("..").isEmpty());
    assertTrue(catalog.find("/etc/passwd").isEmpty());
  }
}
