package dev.syngen.core.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.problem.Problems;
import dev.syngen.core.scenario.ColumnType;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The regex generator writes strings its pattern matches, within the length bounds. */
class RegexGenTest {
  private static Generator bind(Map<String, Object> params, Problems problems) {
    GeneratorFactory f = GeneratorRegistry.builtins().find("regex").orElseThrow();
    Params p = new Params(params, "columns[0].generator.params", problems);
    return f.create(
        new GeneratorContext() {
          @Override
          public ColumnType columnType() {
            return ColumnType.STRING;
          }

          @Override
          public Instant asOf() {
            return Instant.EPOCH;
          }

          @Override
          public long rows() {
            return 1000;
          }

          @Override
          public long key() {
            return 42;
          }

          @Override
          public long seed() {
            return 1;
          }

          @Override
          public Params params() {
            return p;
          }

          @Override
          public Optional<ColumnRef> resolve(String param, String entity, String column) {
            return Optional.empty();
          }
        });
  }

  @Test
  void everyStringMatchesItsPattern() {
    String[] patterns = {
      "^[A-Z]{3}-\\d{4}$",
      "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[a-z]+\\.\\d+)?$",
      "^(?:@[a-z0-9-~][a-z0-9-._~]*/)?[a-z0-9-~][a-z0-9-._~]*$",
      "^[^@\\s]+@example\\.(com|org)$",
      "^\\w+\\s\\W\\D\\S$",
      "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$",
      "colou?r|gr[ae]y",
      "^\\x41\\u0042[\\-.]{2,}.*$",
      "^(?<year>\\d{4})-(?<month>0[1-9]|1[0-2])$",
      "a{2,}?b+?c*"
    };
    for (String pattern : patterns) {
      Problems problems = new Problems();
      Generator g = bind(new HashMap<>(Map.of("pattern", pattern)), problems);
      assertEquals(0, problems.list().size(), pattern + ": " + problems.list());
      Pattern java = Pattern.compile(pattern);
      Set<String> distinct = new HashSet<>();
      for (long row = 0; row < 2000; row++) {
        String s = g.stringAt(42, row);
        assertTrue(java.matcher(s).find(), pattern + " does not match '" + s + "'");
        distinct.add(s);
      }
      assertTrue(distinct.size() > 1, pattern + " made one string only");
    }
  }

  @Test
  void lengthBoundsAreKept() {
    Problems problems = new Problems();
    Generator g =
        bind(
            new HashMap<>(
                Map.of("pattern", "^[a-z]+(-[a-z]+)*$", "min_length", 12, "max_length", 20)),
            problems);
    assertEquals(0, problems.list().size(), problems.list().toString());
    for (long row = 0; row < 5000; row++) {
      String s = g.stringAt(7, row);
      assertTrue(s.length() >= 12 && s.length() <= 20, "'" + s + "'");
      assertTrue(s.matches("[a-z]+(-[a-z]+)*"), s);
    }
  }

  @Test
  void theSameKeyGivesTheSameStringsAndAnotherKeyOthers() {
    Generator g = bind(new HashMap<>(Map.of("pattern", "[A-Z0-9]{12}")), new Problems());
    for (long row = 0; row < 100; row++) {
      assertEquals(g.stringAt(1, row), g.stringAt(1, row));
      assertNotEquals(g.stringAt(1, row), g.stringAt(2, row));
    }
  }

  @Test
  void unsupportedConstructsAndImpossibleBoundsAreReportedAtThePattern() {
    for (String bad :
        new String[] {
          "(?=a)b",
          "(a)\\1",
          "\\bword",
          "[a-z",
          "a{3,1}",
          "\\p{L}",
          "(".repeat(500) + "a" + ")".repeat(500)
        }) {
      Problems problems = new Problems();
      bind(new HashMap<>(Map.of("pattern", bad)), problems);
      assertEquals(1, problems.list().size(), bad);
      assertEquals("columns[0].generator.params.pattern", problems.list().get(0).path(), bad);
    }
    Problems problems = new Problems();
    bind(new HashMap<>(Map.of("pattern", "[a-z]{3}", "min_length", 5)), problems);
    assertTrue(problems.list().get(0).message().contains("never within the length bounds"));
  }
}
