package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The authorization matrix (docs/security.md): every operation the server's own OpenAPI document
 * lists, called as anonymous, viewer and admin. A new endpoint is covered the day it is added.
 * Anonymous callers reach only the open checks and the info endpoint; a viewer reads but changes
 * nothing; an admin is never refused. Path parameters name nothing that exists and bodies are empty
 * objects, so an admin call changes nothing either (404, 400 or 422). The matrix is written to
 * src/server/target/auth-matrix.md.
 */
class AuthMatrixIT {
  /** Open without sign-in by design (web.xml): checks that change nothing, and the info. */
  private static final Set<String> OPEN =
      Set.of(
          "GET /api/v1/info",
          "POST /api/v1/scenarios/validate",
          "POST /api/v1/runs/plan",
          "POST /api/v1/generate");

  private static final Set<String> READS = Set.of("GET", "HEAD");
  private static Api api;

  @BeforeAll
  static void server() {
    api = Api.itServer();
  }

  @Test
  void everyOperationAnswersEachRoleAsDesigned() throws IOException {
    Api.Reply doc = api.viewer("GET", "openapi?format=JSON", null);
    assertEquals(200, doc.status(), doc.toString());
    List<String[]> rows = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = doc.json().path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      Iterator<String> methods = path.getValue().fieldNames();
      while (methods.hasNext()) {
        String method = methods.next().toUpperCase(Locale.ROOT);
        if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
          continue;
        }
        String template = path.getKey();
        String operation = method + " " + template;
        String concrete = template.replaceAll("\\{[^}]+}", "no-such-auth-matrix-id");
        String body = READS.contains(method) || method.equals("DELETE") ? null : "{}";
        String url = concrete.startsWith("/") ? concrete.substring(1) : concrete;
        int anonymous = api.anonymous(method, url, body).status();
        int viewer = api.viewer(method, url, body).status();
        int admin = api.admin(method, url, body).status();
        rows.add(new String[] {operation, "" + anonymous, "" + viewer, "" + admin});

        boolean open = OPEN.contains(operation);
        boolean read = READS.contains(method);
        if (open == refused(anonymous)) {
          wrong.add(operation + ": anonymous got " + anonymous + (open ? ", it is open" : ""));
        }
        if (read || open ? refused(viewer) : viewer != 403) {
          wrong.add(operation + ": viewer got " + viewer);
        }
        if (refused(admin) || admin >= 500) {
          wrong.add(operation + ": admin got " + admin);
        }
        if (anonymous >= 500 || viewer >= 500) {
          wrong.add(operation + ": a server error " + anonymous + "/" + viewer);
        }
      }
    }
    write(rows);
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    assertTrue(rows.size() >= 20, "the OpenAPI document lists only " + rows.size() + " operations");
    List<String> operations = rows.stream().map(r -> r[0]).toList();
    for (String op :
        List.of(
            "GET /api/v1/llm/providers",
            "POST /api/v1/llm/providers/{id}/test",
            "DELETE /api/v1/cluster/members/{name}")) {
      assertTrue(operations.contains(op), op + " is not in the matrix: " + operations);
    }
  }

  private static boolean refused(int status) {
    return status == 401 || status == 403;
  }

  private static void write(List<String[]> rows) throws IOException {
    StringBuilder md =
        new StringBuilder("| operation | anonymous | viewer | admin |\n|---|---|---|---|\n");
    rows.sort(
        (a, b) -> a[0].substring(a[0].indexOf(' ')).compareTo(b[0].substring(b[0].indexOf(' '))));
    for (String[] r : rows) {
      md.append("| `")
          .append(r[0])
          .append("` | ")
          .append(r[1])
          .append(" | ")
          .append(r[2])
          .append(" | ")
          .append(r[3])
          .append(" |\n");
    }
    Path out =
        Path.of(System.getProperty("syngen.it.war", "target/syngen.war"))
            .resolveSibling("auth-matrix.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, md.toString());
  }
}
