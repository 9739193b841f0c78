package dev.syngen.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.core.plan.RunOverrides;
import dev.syngen.core.problem.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Schema-first records are a pure function of (seed, entity, column, row), like every cell. */
class JsonSchemaDeterminismTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Map<?, ?> schema(String name) throws Exception {
    return JSON.readValue(JsonSchemaCorpusTest.corpus().resolve(name).toFile(), Map.class);
  }

  @Test
  void theSameSeedGivesTheSameRecordsAndAnotherSeedOthers() throws Exception {
    Map<?, ?> order = schema("order.schema.json");
    List<String> a = SchemaRecords.json(SchemaRecords.compile(order, 2000, 11), 0, 2000, 1024);
    List<String> b = SchemaRecords.json(SchemaRecords.compile(order, 2000, 11), 0, 2000, 1024);
    List<String> c = SchemaRecords.json(SchemaRecords.compile(order, 2000, 12), 0, 2000, 1024);
    assertEquals(a, b);
    int same = 0;
    for (int i = 0; i < a.size(); i++) {
      same += a.get(i).equals(c.get(i)) ? 1 : 0;
    }
    assertEquals(0, same, "records shared by two seeds");
  }

  @Test
  void batchSizesAndParallelPartitionsDoNotChangeTheRecords() throws Exception {
    CompiledEntity e = SchemaRecords.compile(schema("flight-booking.schema.json"), 5000, 3);
    List<String> whole = SchemaRecords.json(e, 0, 5000, 1024);
    assertEquals(whole, SchemaRecords.json(e, 0, 5000, 7));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> parts = new ArrayList<>();
      for (int p = 3; p >= 0; p--) { // partitions submitted out of order
        int first = p * 1250;
        parts.add(0, pool.submit(() -> SchemaRecords.json(e, first, 1250, 333)));
      }
      List<String> joined = new ArrayList<>();
      for (Future<List<String>> f : parts) {
        joined.addAll(f.get());
      }
      assertEquals(whole, joined);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theConfigHashCoversTheSchema() throws Exception {
    Map<?, ?> product = schema("product.schema.json");
    String base = hash(product);
    assertEquals(base, hash(schema("product.schema.json")));
    String changed =
        hash(
            JSON.readValue(
                JSON.writeValueAsString(product).replace("\"maxLength\":60", "\"maxLength\":61"),
                Map.class));
    assertNotEquals(base, changed);
  }

  private static String hash(Map<?, ?> schema) {
    Problems problems = new Problems();
    Scenario s =
        ScenarioMapper.map(
            Map.of(
                "id",
                "h",
                "name",
                "h",
                "entities",
                List.of(Map.of("name", "record", "rows", 10, "schema", schema))),
            "h",
            problems);
    problems.throwIfAny("schema");
    return new PlanCompiler(GeneratorRegistry.builtins())
        .compile(s, RunOverrides.NONE.withSeed(1L))
        .configHash();
  }
}
