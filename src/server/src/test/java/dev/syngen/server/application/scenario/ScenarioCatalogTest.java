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

  private static final String FROM_SCHEMA =
      """
      id: %s
      name: n
      entities:
        - name: order
          rows: 3
          schema_file: %s
      """;

  private static final String SCHEMA =
      "{\"type\":\"object\",\"properties\":{\"total\":{\"type\":\"number\"}}}";

  private static Path dir(ScenarioCatalog c) {
    return c.settings.scenariosDir();
  }

  @Test
  void aCatalogueScenarioReadsItsSchemaFileInsideTheDirectoryAndSeesItChange() throws IOException {
    Path dir = dir(catalog);
    Files.createDirectories(dir.resolve("schemas"));
    Files.writeString(dir.resolve("schemas/order.json"), SCHEMA);
    Files.writeString(
        dir.resolve("orders.yaml"), FROM_SCHEMA.formatted("orders", "schemas/order.json"));

    ScenarioFile found = catalog.find("orders").orElseThrow();
    assertTrue(found.valid(), found.problems().toString());
    assertEquals(
        List.of("total"),
        found.scenario().entities().get(0).columns().stream().map(c -> c.name()).toList());

    Files.writeString(
        dir.resolve("schemas/order.json"),
        SCHEMA.replace("\"total\"", "\"total\":{\"type\":\"number\"},\"note\""));
    assertEquals(
        List.of("total", "note"),
        catalog.find("orders").orElseThrow().scenario().entities().get(0).columns().stream()
            .map(c -> c.name())
            .toList(),
        "a changed schema file is read again");
  }

  @Test
  void aSchemaFileOutsideTheDirectoryIsRefusedNamingTheFieldAndTheFix() throws IOException {
    Path dir = dir(catalog);
    Path outside = Files.writeString(tmp.resolve("outside.json"), SCHEMA);
    Files.createSymbolicLink(dir.resolve("linked.json"), outside);
    List<String> refused = List.of("../outside.json", outside.toString(), "linked.json");
    for (int i = 0; i < refused.size(); i++) {
      Files.writeString(
          dir.resolve("s" + i + ".yaml"), FROM_SCHEMA.formatted("s" + i, refused.get(i)));

      ScenarioFile f = catalog.find("s" + i).orElseThrow();

      assertFalse(f.valid(), refused.get(i));
      assertEquals("entities[0].schema_file", f.problems().get(0).path(), f.problems().toString());
      assertTrue(
          f.problems().get(0).message().contains("is not a file inside the scenario's directory"),
          f.problems().toString());
      assertTrue(f.problems().get(0).fix().contains("without '..'"), f.problems().toString());
    }
  }

  @Test
  void aScenarioSentInARequestCannotNameASchemaFile() throws IOException {
    Files.writeString(dir(catalog).resolve("order.json"), SCHEMA);
    ScenarioCheck check =
        new ScenarioValidator().check(FROM_SCHEMA.formatted("sent", "order.json"));

    assertFalse(check.errors().isEmpty());
    assertEquals("entities[0].schema_file", check.errors().get(0).path());
    assertTrue(
        check.errors().get(0).message().contains("not from a scenario sent in a request"),
        check.errors().toString());
    assertTrue(check.errors().get(0).fix().contains("schema: {"), check.errors().toString());
  }
}
