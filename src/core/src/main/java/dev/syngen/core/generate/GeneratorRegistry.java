package dev.syngen.core.generate;

import dev.syngen.core.generate.builtin.Beta;
import dev.syngen.core.generate.builtin.Between;
import dev.syngen.core.generate.builtin.Binomial;
import dev.syngen.core.generate.builtin.BoolGen;
import dev.syngen.core.generate.builtin.Choice;
import dev.syngen.core.generate.builtin.Const;
import dev.syngen.core.generate.builtin.Correlated;
import dev.syngen.core.generate.builtin.Empirical;
import dev.syngen.core.generate.builtin.Exponential;
import dev.syngen.core.generate.builtin.Expression;
import dev.syngen.core.generate.builtin.FakerValue;
import dev.syngen.core.generate.builtin.ForeignKey;
import dev.syngen.core.generate.builtin.Gamma;
import dev.syngen.core.generate.builtin.Garch;
import dev.syngen.core.generate.builtin.Geometric;
import dev.syngen.core.generate.builtin.JsonArrayGen;
import dev.syngen.core.generate.builtin.JsonObjectGen;
import dev.syngen.core.generate.builtin.LogNormal;
import dev.syngen.core.generate.builtin.Mixture;
import dev.syngen.core.generate.builtin.Normal;
import dev.syngen.core.generate.builtin.Pareto;
import dev.syngen.core.generate.builtin.PatternGen;
import dev.syngen.core.generate.builtin.Poisson;
import dev.syngen.core.generate.builtin.PoissonProcess;
import dev.syngen.core.generate.builtin.RandomWalk;
import dev.syngen.core.generate.builtin.RegexGen;
import dev.syngen.core.generate.builtin.Seasonal;
import dev.syngen.core.generate.builtin.Sequence;
import dev.syngen.core.generate.builtin.TimeSeries;
import dev.syngen.core.generate.builtin.TruncatedNormal;
import dev.syngen.core.generate.builtin.UniformFloat;
import dev.syngen.core.generate.builtin.UniformInt;
import dev.syngen.core.generate.builtin.Uuid4;
import dev.syngen.core.generate.builtin.Zipf;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Generator factories by scenario name. Looked up once per column at compile time, never per row.
 */
public final class GeneratorRegistry {
  private final Map<String, GeneratorFactory> factories;

  private GeneratorRegistry(Collection<GeneratorFactory> all) {
    Map<String, GeneratorFactory> m = new TreeMap<>();
    for (GeneratorFactory f : all) {
      if (m.put(f.name(), f) != null) {
        throw new IllegalArgumentException("duplicate generator name " + f.name());
      }
    }
    this.factories = Collections.unmodifiableMap(m);
  }

  /** The built-in generators. */
  public static GeneratorRegistry builtins() {
    List<GeneratorFactory> all = new ArrayList<>();
    all.addAll(
        List.of(
            Const.FACTORY,
            Uuid4.FACTORY,
            UniformInt.FACTORY,
            UniformFloat.FACTORY,
            Normal.FACTORY,
            Choice.FACTORY,
            TimeSeries.FACTORY,
            ForeignKey.FACTORY,
            Sequence.FACTORY,
            BoolGen.FACTORY,
            Between.DATE,
            Between.TIMESTAMP,
            PatternGen.FACTORY));
    all.addAll(
        List.of(
            LogNormal.FACTORY,
            Exponential.FACTORY,
            Poisson.FACTORY,
            Geometric.FACTORY,
            Binomial.FACTORY,
            Zipf.ZIPF,
            Zipf.POWER_LAW,
            Pareto.FACTORY,
            Beta.FACTORY,
            Gamma.FACTORY,
            TruncatedNormal.FACTORY,
            Empirical.FACTORY,
            Expression.FACTORY,
            Correlated.FACTORY,
            Mixture.FACTORY,
            PoissonProcess.FACTORY,
            RandomWalk.WALK,
            RandomWalk.GBM,
            Garch.FACTORY,
            Seasonal.FACTORY));
    all.addAll(List.of(RegexGen.FACTORY, JsonObjectGen.FACTORY, JsonArrayGen.FACTORY));
    all.add(FakerValue.GENERIC);
    all.addAll(FakerValue.FACTORIES);
    all.addAll(dev.syngen.core.lifecycle.LifecycleGenerators.FACTORIES);
    return new GeneratorRegistry(all);
  }

  /** These factories plus {@code extra} (e.g. {@code llm_text} bound to a run's providers). */
  public GeneratorRegistry with(GeneratorFactory... extra) {
    List<GeneratorFactory> all = new ArrayList<>(factories.values());
    all.addAll(List.of(extra));
    return new GeneratorRegistry(all);
  }

  public Optional<GeneratorFactory> find(String name) {
    return Optional.ofNullable(factories.get(name));
  }

  /** All factories, sorted by name (for the catalogue). */
  public Collection<GeneratorFactory> all() {
    return factories.values();
  }

  /** The known name closest to {@code name}, for "did you mean" hints. */
  public Optional<String> closest(String name) {
    return closest(name, factories.keySet());
  }

  /** The name in {@code known} closest to {@code name} (edit distance), if close enough. */
  public static Optional<String> closest(String name, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(name, k);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return bestDistance <= Math.max(2, name.length() / 3) ? Optional.of(best) : Optional.empty();
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
