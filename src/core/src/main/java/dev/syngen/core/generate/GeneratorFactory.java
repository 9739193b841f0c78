package dev.syngen.core.generate;

/** Creates a bound {@link Generator} from a column's parameters, reporting bad parameters. */
public interface GeneratorFactory {
  /** The name used in scenarios ({@code generator.type}). */
  String name();

  /** One line for the generator catalogue: what it produces and its parameters. */
  String summary();

  /**
   * Binds the generator. Problems go to {@code ctx}; return {@code null} if the parameters are
   * unusable.
   */
  Generator create(GeneratorContext ctx);

  /**
   * The hash of content outside the scenario that {@code params} name (a corpus), which the plan's
   * config hash covers so that changed content changes it; null when the values depend on the
   * scenario alone.
   */
  default String contentHash(java.util.Map<String, Object> params) {
    return null;
  }

  static GeneratorFactory of(
      String name,
      String summary,
      java.util.function.Function<GeneratorContext, Generator> create) {
    return new GeneratorFactory() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String summary() {
        return summary;
      }

      @Override
      public Generator create(GeneratorContext ctx) {
        return create.apply(ctx);
      }
    };
  }
}
