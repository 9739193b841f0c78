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
