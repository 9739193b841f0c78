package dev.syngen.core.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.generate.Params;
import dev.syngen.core.problem.Problems;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The json_schema subset: read with every problem's path, and answers checked against it. */
class AnswerSchemaTest {
  private static AnswerSchema read(Object tree, Problems problems) {
    return AnswerSchema.read(tree, new Params(Map.of(), "g", problems), "json_schema");
  }

  private static final Map<String, Object> REVIEW =
      Map.of(
          "type",
          "object",
          "required",
          List.of("title", "score"),
          "additionalProperties",
          false,
          "properties",
          Map.of(
              "title",
              Map.of("type", "string", "maxLength", 10),
              "score",
              Map.of("type", "integer", "minimum", 1, "maximum", 5),
              "tags",
              Map.of("type", "array", "items", Map.of("enum", List.of("a", "b")), "maxItems", 2)));

  @Test
  void answersAreCheckedAgainstTheSchema() {
    Problems problems = new Problems();
    AnswerSchema s = read(REVIEW, problems);
    assertNotNull(s, problems.list().toString());
    assertNull(s.check(JsonText.parse("{\"title\":\"ok\",\"score\":3,\"tags\":[\"a\"]}")));
    assertEquals("$.score is missing", s.check(JsonText.parse("{\"title\":\"ok\"}")));
    assertEquals("$.score is above 5", s.check(JsonText.parse("{\"title\":\"ok\",\"score\":6}")));
    assertEquals(
        "$.score is not of type integer",
        s.check(JsonText.parse("{\"title\":\"ok\",\"score\":2.5}")));
    assertTrue(
        s.check(JsonText.parse("{\"title\":\"far too long\",\"score\":1}"))
            .startsWith("$.title has 12"));
    assertEquals(
        "$.tags[1] is not one of [a, b]",
        s.check(JsonText.parse("{\"title\":\"t\",\"score\":1,\"tags\":[\"a\",\"c\"]}")));
    assertEquals(
        "$.extra is not allowed",
        s.check(JsonText.parse("{\"title\":\"t\",\"score\":1,\"extra\":0}")));
  }

  @Test
  void unsupportedKeywordsAreRefusedWithTheirPathNeverIgnored() {
    Problems problems = new Problems();
    assertNull(
        read(
            Map.of(
                "type",
                "object",
                "properties",
                Map.of("a", Map.of("oneOf", List.of(), "type", "text"))),
            problems));
    List<String> all = problems.list().stream().map(Object::toString).toList();
    assertTrue(
        all.stream().anyMatch(p -> p.contains("g.json_schema.properties.a.oneOf")), all.toString());
    assertTrue(
        all.stream().anyMatch(p -> p.contains("'text' is not a JSON Schema type")), all.toString());
  }

  @Test
  void jsonTextReadsAndWritesTheSameValue() {
    String text = "{\"a\":[1,2.5,\"x\\\"y\\n\",true,null],\"b\":{}}";
    assertEquals(text, JsonText.write(JsonText.parse(text)));
    assertEquals("{\"k\":\"v\"}", JsonText.write(JsonText.parse(" { \"k\" : \"v\" } ")));
    assertThrows(IllegalArgumentException.class, () -> JsonText.parse("{\"a\":1} x"));
    assertThrows(IllegalArgumentException.class, () -> JsonText.parse("[1,"));
  }
}
