package dev.syngen.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.Problems;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What a JSON Schema becomes, and how what it cannot become is reported. */
class JsonSchemaMapperTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<Problem> problems(String schema) throws Exception {
    Problems problems = new Problems();
    JsonSchemaMapper.columns(JSON.readValue(schema, Map.class), "schema", problems);
    return problems.list();
  }

  private static List<Map<String, Object>> columns(String schema) throws Exception {
    Problems problems = new Problems();
    List<Map<String, Object>> out =
        JsonSchemaMapper.columns(JSON.readValue(schema, Map.class), "schema", problems);
    assertEquals(List.of(), problems.list());
    return out;
  }

  private static void assertProblem(String schema, String path, String message, String fix)
      throws Exception {
    List<Problem> found = problems(schema);
    String all = found.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    assertTrue(
        found.stream()
            .anyMatch(
                p ->
                    p.path().equals(path)
                        && p.message().contains(message)
                        && p.fix().contains(fix)),
        "expected " + path + ": " + message + " (fix: " + fix + ") among\n" + all);
  }

  @Test
  void generatorParametersKeepTheOrderTheyAreWrittenIn() throws Exception {
    // Map.of's order changes from one JVM to the next; drafts must print the same file every time
    List<Map<String, Object>> cols =
        columns(
            """
            {"type":"object","properties":{
              "n":{"type":"integer","minimum":1,"maximum":9},
              "x":{"type":"number","minimum":0.5,"maximum":2.5},
              "at":{"type":"string","format":"date-time"},
              "d":{"type":"string","format":"date"}}}
            """);
    List<List<Object>> keys =
        cols.stream()
            .map(
                c ->
                    List.<Object>copyOf(
                        ((Map<?, ?>) ((Map<?, ?>) c.get("generator")).get("params")).keySet()))
            .toList();
    assertEquals(
        List.of(
            List.of("min", "max"),
            List.of("min", "max"),
            List.of("start", "end"),
            List.of("start", "end")),
        keys);
  }

  @Test
  void topLevelPropertiesBecomeColumnsOfTheirNaturalType() throws Exception {
    List<Map<String, Object>> cols =
        columns(
            """
            {"type":"object","properties":{
              "id":{"type":"string","format":"uuid"},
              "n":{"type":"integer","minimum":1,"maximum":9},
              "at":{"type":"string","format":"date-time"},
              "ok":{"type":"boolean"},
              "kind":{"enum":["a","b"]},
              "tags":{"type":"array","items":{"type":"string"}},
              "note":{"type":["string","null"],"maxLength":5}}}
            """);
    assertEquals(
        List.of("uuid", "int", "timestamp", "bool", "string", "json", "string"),
        cols.stream().map(c -> c.get("type")).toList());
    assertEquals(
        Map.of("type", "uniform_int", "params", Map.of("min", 1L, "max", 9L)),
        cols.get(1).get("generator"));
    assertEquals(0.1, cols.get(6).get("null_rate"));
    assertEquals("json_array", ((Map<?, ?>) cols.get(5).get("generator")).get("type"));
  }

  @Test
  void trivialCompositionsAreReadAsWhatTheyMean() throws Exception {
    List<Map<String, Object>> cols =
        columns(
            """
            {"type":"object","properties":{
              "m":{"oneOf":[{"const":"card"},{"const":"cash","title":"Cash"}]},
              "t":{"anyOf":[{"type":"string","format":"date"},{"type":"null"}]},
              "one":{"allOf":[{"$ref":"#/$defs/n"}]}},
             "$defs":{"n":{"type":"number","minimum":0,"maximum":1}}}
            """);
    assertEquals(
        Map.of("type", "choice", "params", Map.of("values", List.of("card", "cash"))),
        cols.get(0).get("generator"));
    assertEquals("date", cols.get(1).get("type"));
    assertEquals(0.1, cols.get(1).get("null_rate"));
    assertEquals("double", cols.get(2).get("type"));
  }

  @Test
  void unsupportedKeywordsAreReportedWithTheirPointerAndAFix() throws Exception {
    assertProblem(
        """
        {"type":"object","properties":{"pet":{"oneOf":[
          {"type":"object","properties":{"bark":{"type":"boolean"}}},
          {"type":"object","properties":{"meow":{"type":"boolean"}}}]}}}
        """,
        "schema#/properties/pet/oneOf",
        "oneOf with 2 alternatives is not supported",
        "keep one alternative");
    assertProblem(
        """
        {"type":"object","properties":{"a":{"type":"string"}},
         "if":{"properties":{"a":{"const":"x"}}},"then":{"required":["a"]}}
        """,
        "schema#/if",
        "keyword 'if' is not supported",
        "if/then/else");
    assertProblem(
        """
        {"type":"object","properties":{"meta":{"type":"object",
          "patternProperties":{"^x-":{"type":"string"}}}}}
        """,
        "schema#/properties/meta/patternProperties",
        "not supported",
        "name the properties");
    assertProblem(
        """
        {"type":"object","properties":{"n":{"type":"integer","multipleOf":5}}}
        """,
        "schema#/properties/n/multipleOf",
        "not supported",
        "enum");
    assertProblem(
        """
        {"type":"object","properties":{"n":{"not":{"type":"null"}}}}
        """,
        "schema#/properties/n/not",
        "not supported",
        "remove it");
  }

  @Test
  void referencesMustBeLocalAndNotRecursive() throws Exception {
    assertProblem(
        """
        {"type":"object","properties":{"a":{"$ref":"https://example.com/a.json"}}}
        """,
        "schema#/properties/a/$ref",
        "is not a local reference",
        "$defs");
    assertProblem(
        """
        {"type":"object","properties":{"a":{"$ref":"#/$defs/missing"}}}
        """,
        "schema#/properties/a/$ref",
        "points at nothing",
        "fix the path");
    assertProblem(
        """
        {"type":"object","properties":{"root":{"$ref":"#/$defs/node"}},
         "$defs":{"node":{"type":"object","properties":{
           "children":{"type":"array","items":{"$ref":"#/$defs/node"}}}}}}
        """,
        "schema#/properties/root/properties/children/items/$ref",
        "recursive",
        "unroll");
  }

  @Test
  void formatsPatternsAndShapesThatCannotBeGeneratedAreRefused() throws Exception {
    assertProblem(
        """
        {"type":"object","properties":{"v6":{"type":"string","format":"ipv6"}}}
        """,
        "schema#/properties/v6/format",
        "format 'ipv6' is not supported",
        "ipv4");
    assertProblem(
        """
        {"type":"object","properties":{"p":{"type":"string","pattern":"^(?=a)b$"}}}
        """,
        "schema#/properties/p/pattern",
        "look-around",
        "simplify the pattern");
    assertProblem(
        """
        {"type":"object","properties":{"p":{"type":"string","pattern":"^(a)\\\\1$"}}}
        """,
        "schema#/properties/p/pattern",
        "back-references",
        "simplify the pattern");
    assertProblem(
        """
        {"type":"object","properties":{"p":{"type":"string","pattern":"^[a-z]{10}$","maxLength":5}}}
        """,
        "schema#/properties/p/pattern",
        "never matches",
        "agree");
    assertProblem(
        """
        {"type":"object","properties":{"first-name":{"type":"string"}}}
        """,
        "schema#/properties/first-name",
        "cannot be a column name",
        "rename it");
    assertProblem(
        """
        {"type":"array","items":{"type":"string"}}
        """,
        "schema#",
        "must be an object",
        "wrap the value");
    assertProblem(
        """
        {"type":"object","properties":{"x":{"type":["string","integer"]}}}
        """,
        "schema#/properties/x/type",
        "is not supported",
        "keep one type");
    assertProblem(
        """
        {"type":"object","properties":{"x":{"type":"string","minLength":3,"format":"uuid","maxLength":8}}}
        """,
        "schema#/properties/x",
        "format 'uuid' makes values of 36 to 36",
        "widen");
  }

  @Test
  void recordsTooLargeToGenerateAreRefused() throws Exception {
    assertProblem(
        """
        {"type":"object","properties":{"m":{"type":"array","maxItems":1000,
          "items":{"type":"array","maxItems":1000,"items":{"type":"string","maxLength":100}}}}}
        """,
        "schema#",
        "describes records of up to about",
        "lower maxItems");
  }

  @Test
  void everyProblemOfASchemaIsReportedAtOnce() throws Exception {
    List<Problem> found =
        problems(
            """
            {"type":"object","properties":{
              "a":{"type":"string","format":"ipv6"},
              "b":{"anyOf":[{"type":"string"},{"type":"integer"}]},
              "c":{"$ref":"other.json#/x"}}}
            """);
    assertEquals(
        List.of(
            "schema#/properties/a/format",
            "schema#/properties/b/anyOf",
            "schema#/properties/c/$ref"),
        found.stream().map(Problem::path).toList());
  }

  @Test
  void anEntityMayTakeItsColumnsFromASchemaAndAddItsOwn() {
    Problems problems = new Problems();
    Scenario s =
        ScenarioMapper.map(
            Map.of(
                "id",
                "s",
                "name",
                "s",
                "entities",
                List.of(
                    Map.of(
                        "name",
                        "orders",
                        "rows",
                        10,
                        "schema",
                        Map.of(
                            "type",
                            "object",
                            "properties",
                            Map.of("id", Map.of("type", "integer"))),
                        "columns",
                        List.of(
                            Map.of(
                                "name",
                                "extra",
                                "type",
                                "int",
                                "generator",
                                Map.of("type", "uniform_int")))))),
            "s",
            problems);
    assertEquals(List.of(), problems.list());
    assertEquals(
        List.of("id", "extra"), s.entities().get(0).columns().stream().map(Column::name).toList());
  }

  @Test
  void schemaFileIsReadOnlyBesideAScenarioFile() {
    Problems problems = new Problems();
    ScenarioMapper.map(
        Map.of(
            "id",
            "s",
            "name",
            "s",
            "entities",
            List.of(Map.of("name", "orders", "rows", 10, "schema_file", "orders.json"))),
        "s",
        problems);
    assertEquals("entities[0].schema_file", problems.list().get(0).path());
    assertTrue(problems.list().get(0).fix().contains("inline"));
  }

  @Test
  void aBooleanSchemaSaysNothingToGenerate() throws Exception {
    assertNull(
        problems("{\"type\":\"object\",\"properties\":{\"a\":true}}").stream()
            .filter(p -> !p.path().equals("schema#/properties/a"))
            .findFirst()
            .orElse(null));
    assertProblem(
        "{\"type\":\"object\",\"properties\":{\"a\":true}}",
        "schema#/properties/a",
        "boolean schema",
        "write a schema");
  }
}
