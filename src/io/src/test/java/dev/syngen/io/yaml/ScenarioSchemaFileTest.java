package dev.syngen.io.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.problem.ValidationException;
import dev.syngen.core.scenario.Column;
import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An entity's schema_file is read beside the scenario file, and never from outside it. */
class ScenarioSchemaFileTest {
  @TempDir Path dir;

  private Path scenario(String schemaFile) throws Exception {
    Path f = dir.resolve("scenarios/orders.yaml");
    Files.createDirectories(f.getParent());
    Files.writeString(
        f,
        "id: orders\nname: Orders\nentities:\n  - name: orders\n    rows: 10\n    schema_file: "
            + schemaFile
            + "\n");
    return f;
  }

  @Test
  void readsTheSchemaBesideTheScenario() throws Exception {
    Files.createDirectories(dir.resolve("scenarios/schemas"));
    Files.writeString(
        dir.resolve("scenarios/schemas/order.json"),
        "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\",\"format\":\"uuid\"},"
            + "\"items\":{\"type\":\"array\",\"items\":{\"type\":\"integer\"}}}}");
    Scenario s = ScenarioFiles.read(scenario("schemas/order.json"));
    List<Column> cols = s.entities().get(0).columns();
    assertEquals(List.of("id", "items"), cols.stream().map(Column::name).toList());
    assertEquals(ColumnType.JSON, cols.get(1).type());
  }

  @Test
  void refusesPathsThatLeaveTheScenarioDirectory() throws Exception {
    Files.writeString(dir.resolve("secret.json"), "{\"type\":\"object\"}");
    for (String bad : List.of("../secret.json", dir.resolve("secret.json").toString())) {
      ValidationException e =
          assertThrows(ValidationException.class, () -> ScenarioFiles.read(scenario(bad)));
      assertEquals("entities[0].schema_file", e.problems().get(0).path());
      assertTrue(e.problems().get(0).message().contains("not a file inside"), bad);
    }
  }

  @Test
  void refusesSymbolicLinksOutOfTheDirectory() throws Exception {
    Files.writeString(dir.resolve("secret.json"), "{\"type\":\"object\"}");
    Path scenario = scenario("link.json");
    Files.createSymbolicLink(dir.resolve("scenarios/link.json"), dir.resolve("secret.json"));
    ValidationException e =
        assertThrows(ValidationException.class, () -> ScenarioFiles.read(scenario));
    assertTrue(e.problems().get(0).message().contains("not a file inside"));
  }

  @Test
  void aMissingOrInvalidSchemaFileIsReported() throws Exception {
    ValidationException missing =
        assertThrows(ValidationException.class, () -> ScenarioFiles.read(scenario("none.json")));
    assertTrue(missing.problems().get(0).message().contains("there is no file"));
    Files.writeString(dir.resolve("scenarios/broken.json"), "{\"type\": ");
    ValidationException broken =
        assertThrows(ValidationException.class, () -> ScenarioFiles.read(scenario("broken.json")));
    assertTrue(broken.problems().get(0).message().contains("is not JSON"));
  }
}
