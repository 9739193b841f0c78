package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.Conversions;
import dev.syngen.core.generate.Distributed;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellRandom;
import dev.syngen.core.random.Law;
import dev.syngen.core.random.MixtureLaw;
import dev.syngen.core.random.RealMixtureLaw;
import dev.syngen.core.random.StreamKeys;
import dev.syngen.core.scenario.ValueKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A weighted mixture of generators: each row draws one component by weight and takes its value.
 * Columns of an entity that name the same {@code latent} draw the same component for a row — so a
 * profile's clusters (a group of rows with its own centre in several columns) come back as one
 * mixture per column, without a column that holds the cluster. The draw is a pure function of
 * (seed, entity, latent name, row); each component keeps its own column key.
 */
public final class Mixture implements Generator, Distributed {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "mixture",
          "a weighted mixture of generators; params: components (list of {type, params}), weights,"
              + " latent (columns naming the same latent pick the same component for a row)",
          Mixture::create);

  public static final int MAX_COMPONENTS = 64;

  private final Generator[] components;
  private final double[] cumulative;
  private final long pickKey;
  private final ValueKind kind;
  private final boolean nulls;
  private final double[] weights;

  private Mixture(Generator[] components, double[] cumulative, long pickKey) {
    this.components = components;
    this.cumulative = cumulative;
    this.pickKey = pickKey;
    this.kind = components[0].kind();
    this.nulls = Arrays.stream(components).anyMatch(Generator::producesNulls);
    this.weights = new double[cumulative.length];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = cumulative[i] - (i == 0 ? 0 : cumulative[i - 1]);
    }
  }

  private static Generator create(GeneratorContext ctx) {
    Params p = ctx.params();
    List<?> specs = p.list("components", "[{type: normal, params: {mean: 10, std: 2}}, …]");
    List<?> weights = p.list("weights", "[0.7, 0.3]");
    String latent = p.has("latent") ? p.string("latent", "cluster") : null;
    if (specs == null || weights == null) {
      return null;
    }
    if (specs.isEmpty() || specs.size() > MAX_COMPONENTS) {
      p.problem(
          "components",
          "has " + specs.size() + " entries",
          "give between 1 and " + MAX_COMPONENTS + " generators");
      return null;
    }
    if (latent != null && !latent.matches("[A-Za-z_][A-Za-z0-9_]{0,63}")) {
      p.problem("latent", "'" + latent + "' is not a plain name", "use letters, digits and _");
      return null;
    }
    double[] cumulative = Choice.cumulative(weights, specs.size(), p);
    Generator[] components = new Generator[specs.size()];
    for (int i = 0; i < components.length; i++) {
      components[i] =
          ctx.nested("components[" + i + "]", specs.get(i), ctx.columnType(), keyOf(ctx.key(), i));
    }
    if (cumulative == null || !p.ok() || Arrays.asList(components).contains(null)) {
      return null;
    }
    for (int i = 1; i < components.length; i++) {
      if (components[i].kind() != components[0].kind()) {
        p.problem(
            "components[" + i + "]",
            "produces "
                + components[i].kind().name().toLowerCase(Locale.ROOT)
                + " values but components[0] produces "
                + components[0].kind().name().toLowerCase(Locale.ROOT),
            "make every component produce the column's type");
        return null;
      }
    }
    long pickKey =
        latent == null
            ? ctx.key()
            : StreamKeys.of(ctx.seed(), ctx.entity(), "", "latent:" + latent);
    return new Mixture(components, cumulative, pickKey);
  }

  /** The index of the component row {@code row} takes. */
  private int component(long row) {
    double u = CellRandom.unit(pickKey, row, 7);
    int i = Arrays.binarySearch(cumulative, u);
    i = i < 0 ? -i - 1 : i + 1;
    return Math.min(i, components.length - 1);
  }

  /** Component i's own stream: its values do not repeat another component's. */
  private static long keyOf(long key, int i) {
    return CellRandom.mix(key + i + 1);
  }

  @Override
  public ValueKind kind() {
    return kind;
  }

  @Override
  public long longAt(long key, long row) {
    int i = component(row);
    return components[i].longAt(keyOf(key, i), row);
  }

  @Override
  public long uuidLowAt(long key, long row) {
    int i = component(row);
    return components[i].uuidLowAt(keyOf(key, i), row);
  }

  @Override
  public double doubleAt(long key, long row) {
    int i = component(row);
    return components[i].doubleAt(keyOf(key, i), row);
  }

  @Override
  public String stringAt(long key, long row) {
    int i = component(row);
    return components[i].stringAt(keyOf(key, i), row);
  }

  @Override
  public boolean producesNulls() {
    return nulls;
  }

  @Override
  public boolean nullAt(long key, long row) {
    int i = component(row);
    return components[i].producesNulls() && components[i].nullAt(keyOf(key, i), row);
  }

  /**
   * The weighted mixture of the components' laws when every component declares one of the same
   * family (real, whole-number or categorical); null otherwise, and the column is then checked by
   * its other expectations only.
   */
  @Override
  public Law law() {
    List<Law> laws = new ArrayList<>();
    for (Generator c : components) {
      Law l = Conversions.unwrap(c) instanceof Distributed d ? d.law() : null;
      if (l == null || l.getClass() != (laws.isEmpty() ? l.getClass() : laws.get(0).getClass())) {
        return null;
      }
      laws.add(l);
    }
    String name = "mixture of " + laws.size();
    if (laws.get(0) instanceof Law.Continuous) {
      return new Law.Continuous(
          name,
          new RealMixtureLaw(
              laws.stream().map(l -> ((Law.Continuous) l).distribution()).toList(), weights));
    }
    if (laws.get(0) instanceof Law.Discrete) {
      return new Law.Discrete(
          name,
          new MixtureLaw(
              laws.stream().map(l -> ((Law.Discrete) l).distribution()).toList(), weights));
    }
    Map<String, Double> p = new LinkedHashMap<>();
    for (int i = 0; i < laws.size(); i++) {
      Law.Categorical c = (Law.Categorical) laws.get(i);
      for (int v = 0; v < c.values().size(); v++) {
        p.merge(c.values().get(v), weights[i] * c.probabilities().get(v), Double::sum);
      }
    }
    return new Law.Categorical(name, new ArrayList<>(p.keySet()), new ArrayList<>(p.values()));
  }
}
