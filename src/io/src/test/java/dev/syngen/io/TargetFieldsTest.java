package dev.syngen.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.TargetProfile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TargetFieldsTest {
  private final Targets targets = Targets.builtins();

  @Test
  void everyKindOfTheBuildHasAForm() {
    for (String kind : targets.kinds()) {
      assertNotNull(TargetFields.of(kind), kind);
    }
    Set<String> described =
        TargetFields.all().stream()
            .map(TargetFields.Kind::kind)
            .collect(Collectors.toCollection(TreeSet::new));
    assertTrue(targets.kinds().containsAll(described), described.toString());
  }

  @Test
  void everyOptionAFormOffersIsOneTheValidatorAcceptsWithItsDefaultOrChoices() {
    for (TargetFields.Kind k : TargetFields.all()) {
      for (TargetFields.Field f : k.options()) {
        for (String value : values(f)) {
          Problems problems = new Problems();
          Map<String, String> options = new LinkedHashMap<>(Map.of(f.key(), value));
          if (f.key().equals("acks")) {
            options.put("idempotence", "false"); // acks other than all need it off
          }
          targets.validate(profile(k, options), problems);
          assertEquals(
              java.util.List.of(), problems.list(), k.kind() + " " + f.key() + "=" + value);
        }
      }
    }
  }

  @Test
  void anOptionNoFormOffersIsStillRefusedByTheValidator() {
    for (TargetFields.Kind k : TargetFields.all()) {
      Problems problems = new Problems();
      targets.validate(profile(k, Map.of("no_such_option", "1")), problems);
      assertTrue(
          problems.list().stream().anyMatch(p -> p.path().equals("options.no_such_option")),
          k.kind() + ": " + problems.list());
    }
  }

  @Test
  void aSchemaIsOfferedExactlyWhereTheKindDoesNotRefuseIt() {
    for (TargetFields.Kind k : TargetFields.all()) {
      Problems problems = new Problems();
      TargetProfile p = profile(k, Map.of());
      targets.validate(
          new TargetProfile(p.id(), p.name(), p.kind(), p.dsn(), "syngen", p.options()), problems);
      boolean refused = problems.list().stream().anyMatch(x -> x.path().equals("schema"));
      if (k.takesSchema()) {
        assertTrue(!refused, k.kind() + ": " + problems.list());
      }
    }
    assertTrue(TargetFields.of("postgres").takesSchema());
    assertTrue(!TargetFields.of("sqlite").takesSchema());
    assertTrue(!TargetFields.of("clickhouse").takesSchema());
  }

  @Test
  void aliasesShareTheirKindsForm() {
    assertEquals("postgres", TargetFields.of("postgresql").kind());
    assertEquals("mariadb", TargetFields.of("mysql").kind());
    assertEquals(null, TargetFields.of("parquet"));
  }

  @Test
  void inputIdsAreSafeComponentIds() {
    for (TargetFields.Kind k : TargetFields.all()) {
      for (TargetFields.Field f : k.options()) {
        assertTrue(f.inputId().matches("[A-Za-z0-9_]+"), f.inputId());
      }
    }
  }

  private static Iterable<String> values(TargetFields.Field f) {
    if (!f.choices().isEmpty()) {
      return f.choices();
    }
    if (f.defaultValue() != null) {
      return java.util.List.of(f.defaultValue());
    }
    return java.util.List.of(
        switch (f.type()) {
          case NUMBER -> "2";
          case SECRET -> "s3cret";
          default -> "toYYYYMM(created_at)";
        });
  }

  private static TargetProfile profile(TargetFields.Kind k, Map<String, String> options) {
    Map<String, String> o = new LinkedHashMap<>(options);
    String dsn = k.dsnExample().replace("host", "127.0.0.1");
    return new TargetProfile("t1", "t1", k.kind(), dsn, null, o);
  }
}
