package dev.syngen.server.interfaces.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.GeneratorRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorViewTest {
  @Test
  void readsTheParameterNamesOutsideTheirExplanations() {
    assertEquals(
        List.of("start", "step"),
        GeneratorView.params(
            "start + row × step; params: start (default 1), step (default 1, not 0)"));
    assertEquals(
        List.of("start", "end"),
        GeneratorView.params("uniform instant in [start, end]; params: start, end (\"-30d\")"));
    assertEquals(
        List.of("min", "max", "round"),
        GeneratorView.params("normal restricted; params: min and/or max, round"));
    assertEquals(List.of(), GeneratorView.params("a random UUID"));
  }

  @Test
  void everyBuiltinThatListsParametersHasThemInTheCatalogue() {
    for (GeneratorFactory f : GeneratorRegistry.builtins().all()) {
      GeneratorView v = GeneratorView.of(f);
      if (f.summary().contains("params:")) {
        assertFalse(v.params().isEmpty(), f.name() + ": " + f.summary());
      }
      assertTrue(v.params().stream().allMatch(p -> p.matches("[a-z_][a-z0-9_]*")), v.toString());
    }
    GeneratorView seq =
        GeneratorView.of(GeneratorRegistry.builtins().find("sequence").orElseThrow());
    assertEquals(List.of("start", "step"), seq.params());
  }
}
