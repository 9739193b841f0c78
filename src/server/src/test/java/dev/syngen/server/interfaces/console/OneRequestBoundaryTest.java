package dev.syngen.server.interfaces.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.syngen.cli.SyngenCommand;
import dev.syngen.core.plan.AdHocRequest;
import dev.syngen.core.problem.Problems;
import dev.syngen.server.application.run.RunRequest;
import dev.syngen.server.interfaces.rest.Bodies;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same bad values, given to the command line, the REST API, the console's run builder and the
 * stream, are the same problems: the same paths and the same messages, in the same order. Each
 * front end is driven the way its users drive it: flags, a JSON body, the form's text fields, a
 * stream request; each reaches the one run request reader.
 */
class OneRequestBoundaryTest {
  @TempDir Path tmp;

  /** A bad value of one request field: how each front end is given it, and what it must answer. */
  record Bad(String path, String message, String[] flags, String json, Form form) {}

  /** Sets a console form's field. */
  interface Form {
    void set(RunForm f);
  }

  static final List<Bad> SHARED =
      List.of(
          new Bad(
              "seed",
              "'abc' is not a whole number",
              new String[] {"--seed", "abc"},
              "\"seed\": \"abc\"",
              f -> f.seed = "abc"),
          new Bad(
              "as_of",
              "'2026-13-45' is not an ISO-8601 instant in the years 1 to 9999",
              new String[] {"--as-of", "2026-13-45"},
              "\"as_of\": \"2026-13-45\"",
              f -> f.asOf = "2026-13-45"));

  static final List<Bad> RUN_ONLY =
      List.of(
          new Bad(
              "scale",
              "'big' is not a number",
              new String[] {"--scale", "big"},
              "\"scale\": \"big\"",
              f -> f.scale = "big"),
          new Bad(
              "entity_counts.orders",
              "'many' is not a whole number",
              new String[] {"--entity-count", "orders=many"},
              "\"entity_counts\": {\"orders\": \"many\"}",
              f -> f.counts = "orders=many"),
          new Bad(
              "mode",
              "unknown mode 'sideways'",
              new String[] {"--mode", "sideways"},
              "\"mode\": \"sideways\"",
              f -> f.mode = "sideways"));

  @Test
  void eachBadValueIsTheSameProblemInEveryFrontEnd() {
    for (Bad bad : all()) {
      List<String> expected = List.of(bad.path() + ": " + bad.message());
      assertEquals(expected, cli(List.of(bad)), "command line, " + bad.path());
      assertEquals(expected, rest(List.of(bad)), "REST, " + bad.path());
      assertEquals(expected, console(List.of(bad)), "console, " + bad.path());
      if (SHARED.contains(bad)) {
        assertEquals(expected, stream(List.of(bad)), "stream, " + bad.path());
      }
    }
  }

  @Test
  void allBadValuesTogetherAreTheSameListInEveryFrontEnd() {
    List<String> expected = all().stream().map(b -> b.path() + ": " + b.message()).toList();
    assertEquals(expected, cli(all()), "command line");
    assertEquals(expected, rest(all()), "REST");
    assertEquals(expected, console(all()), "console");
    assertEquals(
        SHARED.stream().map(b -> b.path() + ": " + b.message()).toList(), stream(SHARED), "stream");
  }

  private static List<Bad> all() {
    List<Bad> all = new ArrayList<>(SHARED);
    all.addAll(RUN_ONLY);
    return all;
  }

  /** {@code syngen run start} with the flags; problems as it prints them on stderr. */
  private List<String> cli(List<Bad> bads) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--history-dir=" + tmp.resolve("history"),
                "run",
                "start",
                "--scenario",
                "iot-demo",
                "--target-kind",
                "csv",
                "--target",
                tmp.resolve("out").toString()));
    bads.forEach(b -> args.addAll(List.of(b.flags())));
    String[] argv = args.toArray(String[]::new);
    StringWriter err = new StringWriter();
    var cl = SyngenCommand.commandLine(argv);
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    assertEquals(SyngenCommand.EXIT_INVALID, cl.execute(argv), err.toString());
    assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^  - (.*?) \\(fix: .*\\)$").matcher(err.toString());
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  /** A {@code POST /runs} body read as the resource reads it. */
  private static List<String> rest(List<Bad> bads) {
    String json =
        "{\"scenario_id\": \"iot-demo\", "
            + String.join(", ", bads.stream().map(Bad::json).toList())
            + "}";
    RunRequest r = RunRequest.read(Bodies.parseJson(json), 64, String::valueOf);
    return r.problems().stream().map(p -> p.path() + ": " + p.message()).toList();
  }

  /** The run builder's fields as a user types them. */
  private static List<String> console(List<Bad> bads) {
    RunForm f = new RunForm();
    f.scenario = "iot-demo";
    bads.forEach(b -> b.form().set(f));
    return f.toRequest().problems().stream().map(p -> p.path() + ": " + p.message()).toList();
  }

  /** A stream request ({@code POST /generate}, the WebSocket's generate message). */
  private static List<String> stream(List<Bad> bads) {
    String json =
        "{\"scenario_id\": \"iot-demo\", \"entity\": \"devices\", \"count\": 10, "
            + String.join(", ", bads.stream().map(Bad::json).toList())
            + "}";
    Problems problems = new Problems();
    AdHocRequest.parse(Bodies.parseJson(json), 1000, problems);
    return problems.list().stream().map(p -> p.path() + ": " + p.message()).toList();
  }
}
