package dev.syngen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code syngen scenario from-json-schema} and scenarios whose entities name a schema_file. */
class JsonSchemaCliTest {
  private static final Path ORDER =
      Path.of("src/core/src/test/resources/json-schema/order.schema.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private Cli cli() {
    return new Cli(Path.of("scenarios"), Path.of("targets"), tmp.resolve("history"));
  }

  private List<JsonNode> ndjson(Path file) throws IOException {
    List<JsonNode> out = new java.util.ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  @Test
  void draftsAScenarioFromASchemaAndRunsIt() throws IOException {
    Path scenario = tmp.resolve("orders.yaml");
    Cli.Result r =
        cli()
            .run(
                "scenario",
                "from-json-schema",
                ORDER.toString(),
                "--entity",
                "orders",
                "--count",
                "300",
                "--out",
                scenario.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("entity orders, 9 columns, 300 rows, valid"), r.out());
    String yaml = Files.readString(scenario);
    assertTrue(yaml.contains("json_array"), yaml);
    assertTrue(yaml.contains("^ORD-\\d{8}$"), yaml);
    Path out = tmp.resolve("ndjson");
    Cli.Result run =
        cli()
            .run(
                "run",
                "start",
                "--scenario",
                scenario.toString(),
                "--target-kind",
                "ndjson",
                "--target",
                out.toString(),
                "--seed",
                "5",
                "--quiet");
    assertEquals(0, run.exit(), run.err());
    List<JsonNode> records = ndjson(out.resolve("orders.ndjson"));
    assertEquals(300, records.size());
    for (JsonNode rec : records) {
      assertTrue(rec.get("orderId").asText().matches("ORD-\\d{8}"), rec.toString());
      assertTrue(rec.get("items").isArray() && rec.get("items").size() >= 1, rec.toString());
      assertTrue(rec.get("items").get(0).get("quantity").isInt(), rec.toString());
      assertEquals("EUR", rec.get("currency").asText());
    }
  }

  @Test
  void aScenarioEntityMayNameItsSchemaFile() throws IOException {
    Files.copy(ORDER, tmp.resolve("order.schema.json"));
    Path scenario = tmp.resolve("shop.yaml");
    Files.writeString(
        scenario,
        """
        id: shop
        name: Shop
        entities:
          - name: orders
            rows: 50
            schema_file: order.schema.json
        """);
    Path out = tmp.resolve("ndjson");
    Cli.Result run =
        cli()
            .run(
                "run",
                "start",
                "--scenario",
                scenario.toString(),
                "--target-kind",
                "ndjson",
                "--target",
                out.toString(),
                "--seed",
                "5",
                "--quiet");
    assertEquals(0, run.exit(), run.err());
    assertEquals(50, ndjson(out.resolve("orders.ndjson")).size());
  }

  @Test
  void anUnsupportedKeywordStopsTheDraftNamingItsPointer() throws IOException {
    Path schema = tmp.resolve("pet.schema.json");
    Files.writeString(
        schema,
        "{\"type\":\"object\",\"properties\":{\"pet\":{\"oneOf\":[{\"type\":\"string\"},"
            + "{\"type\":\"integer\"}]}}}");
    Cli.Result r = cli().run("scenario", "from-json-schema", schema.toString());
    assertNotEquals(0, r.exit());
    assertTrue(r.err().contains("schema#/properties/pet/oneOf"), r.err());
    assertTrue(r.err().contains("keep one alternative"), r.err());
  }
}
