package dev.syngen.io.lifecycle;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.Fixtures;
import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.io.yaml.ScenarioFiles;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every mistake in a lifecycle is reported with its path and a fix, before anything runs. */
class LifecycleValidationTest {
  private static final String HEAD =
      """
      name: v
      as_of: 2026-01-01T00:00:00Z
      entities:
        - name: orders
          rows: 10
          columns:
            - {name: order_id, type: bigint, generator: sequence}
            - {name: created_at, type: timestamp, generator: {type: timestamp_between, params: {start: "-3d", end: "-1d"}}}
            - {name: amount, type: double, generator: {type: uniform_float, params: {min: 1, max: 9}}}
            - {name: status, type: string, generator: {type: const, params: {value: new}}}
          lifecycle:
      """;

  private static List<Problem> problems(String lifecycle) {
    String yaml = HEAD + lifecycle.indent(6);
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> Fixtures.compile(ScenarioFiles.parse(yaml, "v"), 1),
            "expected problems for:\n" + lifecycle);
    return e.problems();
  }

  private static void expect(List<Problem> ps, String path, String words) {
    assertTrue(
        ps.stream().anyMatch(p -> p.path().equals(path) && p.message().contains(words)),
        "no problem at " + path + " saying '" + words + "' in " + ps);
    assertTrue(ps.stream().allMatch(p -> p.fix() != null && !p.fix().isBlank()));
  }

  @Test
  void unknownStatesAndBadProbabilities() {
    List<Problem> ps =
        problems(
            """
            start: created_at
            initial: new
            states:
              new: {dwell: {type: exponential, params: {mean: 1}}, next: {paid: 0.7, lost: 0.2}}
              paid: {}
            """);
    expect(ps, "entities[0].lifecycle.states.new.next", "sum to 0.9");
    ps =
        problems(
            """
            start: created_at
            initial: new
            states:
              new: {dwell: {type: exponential, params: {mean: 1}}, next: {paid: 0.5, lost: 0.5}}
              paid: {}
            """);
    expect(ps, "entities[0].lifecycle.states.new.next.lost", "not a state");
  }

  @Test
  void unreachableStatesAndNoWayOut() {
    List<Problem> ps =
        problems(
            """
            start: created_at
            initial: new
            states:
              new: {dwell: {type: exponential, params: {mean: 1}}, next: {busy: 1.0}}
              busy: {dwell: {type: exponential, params: {mean: 1}}, next: {new: 1.0}}
              done: {}
            """);
    expect(ps, "entities[0].lifecycle.states.done", "never reached");
    expect(ps, "entities[0].lifecycle.states.new", "no terminal state can be reached");
  }

  @Test
  void columnsDwellAndBranchesAreChecked() {
    List<Problem> ps =
        problems(
            """
            start: amount
            initial: new
            dwell_unit: fortnights
            states:
              new:
                next:
                  - {when: "amount > 5", to: {done: 1.0}}
                set: {colour: red}
              done: {delete: true, dwell: {type: exponential, params: {mean: 1}}}
            """);
    expect(ps, "entities[0].lifecycle.start", "is double, not timestamp");
    expect(ps, "entities[0].lifecycle.dwell_unit", "unknown unit");
    expect(ps, "entities[0].lifecycle.states.new.next[0].when", "last branch has a condition");
    expect(ps, "entities[0].lifecycle.states.new.set.colour", "no column 'colour'");
  }

  @Test
  void generatorsInsideTheLifecycleAreBoundWithTheirPaths() {
    List<Problem> ps =
        problems(
            """
            start: created_at
            initial: new
            states:
              new:
                dwell: {type: exponential, params: {mean: -1}}
                next:
                  - {when: "amout > 5", to: {done: 1.0}}
                  - {to: {done: 1.0}}
                set: {status: 12}
              done: {set: {amount: event_time}}
            """);
    expect(ps, "entities[0].lifecycle.states.new.dwell.params.mean", "");
    expect(ps, "entities[0].lifecycle.states.new.next[0].when.params.expr", "");
    expect(ps, "entities[0].lifecycle.states.done.set.amount", "event_time fits a timestamp");
  }
}
