package dev.syngen.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.syngen.core.plan.CompiledEntity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every record generated from each schema of the corpus ({@code src/test/resources/json-schema})
 * validates against that schema, checked by an independent JSON Schema validator with format
 * assertions on, over 10,000 records per schema.
 */
class JsonSchemaCorpusTest {
  private static final Path CORPUS = Path.of("src/core/src/test/resources/json-schema");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RECORDS = 10_000;

  static Stream<Path> schemas() throws IOException {
    try (Stream<Path> s = Files.list(corpus())) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  static Path corpus() {
    return Files.isDirectory(CORPUS) ? CORPUS : Path.of("src/test/resources/json-schema");
  }

  @Test
  void theCorpusHoldsAtLeastTwentySchemas() throws IOException {
    assertTrue(schemas().count() >= 20, "corpus size " + schemas().count());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemas")
  void everyRecordValidatesAgainstItsSchema(Path file) throws IOException {
    Map<?, ?> tree = JSON.readValue(file.toFile(), Map.class);
    CompiledEntity e = SchemaRecords.compile(tree, RECORDS, 7);
    JsonSchema validator = validator(file);
    List<String> records = SchemaRecords.json(e, 0, RECORDS, 1024);
    assertEquals(RECORDS, records.size());
    for (int i = 0; i < records.size(); i++) {
      JsonNode record = JSON.readTree(records.get(i));
      Set<ValidationMessage> errors = validator.validate(record);
      assertTrue(
          errors.isEmpty(),
          file.getFileName() + " row " + i + ": " + records.get(i) + " " + errors);
    }
  }

  static JsonSchema validator(Path file) throws IOException {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    try (InputStream in = Files.newInputStream(file)) {
      return factory.getSchema(in, config);
    }
  }
}
