package dev.syngen.core.generate.builtin;

import dev.syngen.core.corpus.Corpus;
import dev.syngen.core.corpus.CorpusCatalog;
import dev.syngen.core.corpus.CorpusContent;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.generate.Params;
import dev.syngen.core.generate.faker.FakerNode;
import dev.syngen.core.scenario.ValueKind;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * One value of a named corpus, picked by the cell's own randomness: uniformly, by the corpus's
 * weights column, or Zipf-skewed by file order (the first value the most frequent). The corpus is
 * resolved and its values converted to the column's type once, when the plan is compiled; its
 * content hash enters the plan's config hash through {@link Factory#contentHash}.
 */
public final class CorpusPick implements Generator {
  static final String NAME = "corpus";
  private static final int MAX_REPORTED = 3;

  private final ValueKind kind;
  private final Literal[] values;
  private final long[] bits;
  private final double[] cumulative; // null: uniform
  private final boolean plainText;

  private CorpusPick(ValueKind kind, Literal[] values, double[] cumulative) {
    this.kind = kind;
    this.values = values;
    this.bits = Arrays.stream(values).mapToLong(Literal::bits).toArray();
    this.cumulative = cumulative;
    this.plainText =
        kind != ValueKind.STRING || Arrays.stream(values).allMatch(v -> FakerNode.plain(v.text()));
  }

  /** The {@code corpus} generator over the corpora of {@code catalog}. */
  public static GeneratorFactory factory(CorpusCatalog catalog) {
    return new Factory(catalog);
  }

  /** Binds {@code corpus} columns and names the hash of the corpus a column's params use. */
  private record Factory(CorpusCatalog catalog) implements GeneratorFactory {
    @Override
    public String name() {
      return NAME;
    }

    @Override
    public String summary() {
      return "one value of a registered corpus; params: name, weights (column, uniform or zipf),"
          + " s (zipf exponent); see docs/corpora.md";
    }

    @Override
    public Generator create(GeneratorContext ctx) {
      return CorpusPick.create(ctx, catalog);
    }

    @Override
    public String contentHash(Map<String, Object> params) {
      Object name = params == null ? null : params.get("name");
      return name == null
          ? null
          : catalog.find(String.valueOf(name)).map(c -> "corpus:" + c.hash()).orElse(null);
    }
  }

  private static Generator create(GeneratorContext ctx, CorpusCatalog catalog) {
    Params p = ctx.params();
    String name = p.string("name", "city_names");
    String weights = p.string("weights", "uniform", null);
    double s = p.number("s", "1.1", 1.0);
    p.reportUnknown(NAME);
    if (name == null) {
      return null;
    }
    Optional<Corpus> found = catalog.find(name);
    if (found.isEmpty()) {
      p.problem(
          "name",
          "no ready corpus named '"
              + name
              + "'"
              + GeneratorRegistry.closest(name, catalog.names())
                  .map(n -> "; did you mean '" + n + "'?")
                  .orElse(""),
          "register it first (syngen corpus add "
              + name
              + " FILE, or POST /api/v1/corpora), or name one of: "
              + String.join(", ", catalog.names().stream().limit(10).toList()));
      return null;
    }
    CorpusContent content = found.get().content();
    if (weights == null) {
      weights = content.weighted() ? "column" : "uniform";
    }
    double[] cumulative = cumulative(weights, s, content, p);
    Literal[] values = convert(content, ctx, p);
    if (!p.ok()) {
      return null;
    }
    return new CorpusPick(ctx.columnType().kind(), values, cumulative);
  }

  private static double[] cumulative(String mode, double s, CorpusContent c, Params p) {
    switch (mode) {
      case "uniform":
        return null;
      case "column":
        if (!c.weighted()) {
          p.problem(
              "weights",
              "is column but the corpus has no weights column",
              "use weights: uniform or zipf, or register the corpus from a CSV with a weights"
                  + " column");
          return null;
        }
        return normalised(c.size(), c::weight);
      case "zipf":
        if (!(s > 0) || s > 10) {
          p.problem("s", "must be > 0 and <= 10, got " + s, "use e.g. s: 1.1");
          return null;
        }
        return normalised(c.size(), i -> Math.pow(i + 1, -s));
      default:
        p.problem(
            "weights",
            "must be column, uniform or zipf, got '" + mode + "'",
            "write weights: uniform");
        return null;
    }
  }

  private static double[] normalised(int n, java.util.function.IntToDoubleFunction weight) {
    double[] c = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      sum += weight.applyAsDouble(i);
      c[i] = sum;
    }
    for (int i = 0; i < n; i++) {
      c[i] /= sum;
    }
    c[n - 1] = 1.0;
    return c;
  }

  private static Literal[] convert(CorpusContent c, GeneratorContext ctx, Params p) {
    Literal[] values = new Literal[c.size()];
    int bad = 0;
    for (int i = 0; i < values.length; i++) {
      values[i] = Literal.parse(c.values().get(i), ctx.columnType());
      if (values[i] == null && bad++ < MAX_REPORTED) {
        p.problem(
            "name",
            "value "
                + (i + 1)
                + " of the corpus, '"
                + c.values().get(i)
                + "', is not "
                + Literal.expected(ctx.columnType()),
            "use a corpus of " + Literal.expected(ctx.columnType()) + " or change the column type");
      }
    }
    return values;
  }

  private int pick(long key, long row) {
    return Choice.pick(cumulative, values.length, key, row);
  }

  @Override
  public ValueKind kind() {
    return kind;
  }

  @Override
  public boolean plainText() {
    return plainText;
  }

  @Override
  public long longAt(long key, long row) {
    return bits[pick(key, row)];
  }

  @Override
  public long uuidLowAt(long key, long row) {
    return values[pick(key, row)].lowBits();
  }

  @Override
  public double doubleAt(long key, long row) {
    return values[pick(key, row)].real();
  }

  @Override
  public String stringAt(long key, long row) {
    return values[pick(key, row)].text();
  }
}
