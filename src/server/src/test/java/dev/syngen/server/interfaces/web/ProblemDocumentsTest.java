package dev.syngen.server.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.ValidationException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemDocumentsTest {
  private final ValidationException invalid =
      new ValidationException(
          "run request",
          List.of(
              new Problem("seed", "'abc' is not a whole number", "write a whole number, e.g. 42"),
              new Problem(
                  "target.dsn",
                  "cannot connect to postgres://app:hunter2@db:5432/x",
                  "check the DSN")));

  @Test
  void aValidationProblemIsTheSameDocumentAsTextAndAsAMessage() {
    ProblemDetails p = ProblemDocuments.validation(invalid, "/api/v1/runs", "t1");
    JsonObject json = Json.createReader(new StringReader(ProblemDocuments.json(p))).readObject();
    Map<String, Object> fields = ProblemDocuments.fields(p);

    assertEquals("urn:syngen:problem:validation", json.getString("type"));
    assertEquals(json.getString("type"), fields.get("type"));
    assertEquals(422, json.getInt("status"));
    assertEquals(json.getString("detail"), fields.get("detail"));
    assertTrue(json.getString("detail").startsWith("2 problems, first: seed: "), p.detail());
    assertEquals("t1", json.getString("trace_id"));
    assertEquals("seed", json.getJsonArray("errors").getJsonObject(0).getString("path"));
    assertEquals(2, ((List<?>) fields.get("errors")).size());
  }

  @Test
  void secretsInMessagesAreRedactedAndEveryTypeUsesTheOneScheme() {
    ProblemDetails p = ProblemDocuments.validation(invalid, null, null);
    assertFalse(ProblemDocuments.json(p).contains("hunter2"), ProblemDocuments.json(p));
    assertFalse(String.valueOf(ProblemDocuments.fields(p)).contains("hunter2"));

    assertEquals(
        "urn:syngen:problem:too-many-requests",
        ProblemDocuments.of(429, "Too Many Requests", "slow down", null, null).type());
    assertEquals(
        "urn:syngen:problem:malformed-body", ProblemDocuments.malformed("x", null, null).type());
  }
}
