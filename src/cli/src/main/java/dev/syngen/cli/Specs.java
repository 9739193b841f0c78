package dev.syngen.cli;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Commands declared with picocli's programmatic API instead of its annotations: the root command,
 * {@code run} and {@code run start}, which every run from the command line goes through. Java makes
 * a proxy class for each annotation type a process reads, at run time and outside the class-data
 * archive, and for those three commands that was 50 ms of a small run's start-up and 110 ms of a
 * million-row run's (docs/benchmarks.md). The other commands keep their annotations.
 */
final class Specs {
  private Specs() {}

  /** A command that calls {@code command} (a {@code Callable}, or a holder of subcommands). */
  static CommandSpec command(Object command, String name, String description) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(command).name(name);
    spec.usageMessage().description(description);
    standardHelp(spec);
    return spec;
  }

  /**
   * An option whose value lives in a field, read by {@code get} and written by {@code set}: picocli
   * asks for the field's value to add to a list or map, and sets it for every other type. The
   * field's value now is what picocli resets it to before parsing, as for an annotated field.
   */
  static OptionSpec.Builder option(
      String name, Class<?> type, Supplier<?> get, Consumer<Object> set) {
    Field field = new Field(get, set);
    return OptionSpec.builder(name)
        .type(type)
        .getter(field)
        .setter(field)
        .initialValue(get.get())
        .hasInitialValue(true);
  }

  /** A one-value option read as text, as a form's field is; it is optional. */
  static OptionSpec text(
      String name, String label, String description, Supplier<String> get, Consumer<Object> set) {
    return option(name, String.class, get, set).paramLabel(label).description(description).build();
  }

  /** A repeatable option of text values, kept in order. */
  static OptionSpec.Builder list(
      String name,
      String label,
      String description,
      Supplier<? extends List<String>> get,
      Consumer<Object> set) {
    return option(name, List.class, get, set)
        .auxiliaryTypes(String.class)
        .paramLabel(label)
        .description(description);
  }

  /**
   * {@code -h, --help} and {@code -V, --version} as picocli's {@code mixinStandardHelpOptions} adds
   * them, without reading that mixin's annotations, and syngen's version for {@code -V}; a command
   * that has either option already keeps its own.
   */
  static void standardHelp(CommandSpec spec) {
    if (spec.versionProvider() == null) {
      spec.versionProvider(new SyngenCommand.Version());
    }
    if (spec.findOption("--help") != null || spec.findOption("--version") != null) {
      return;
    }
    spec.addOption(
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .description("Show this help message and exit.")
            .build());
    spec.addOption(
        OptionSpec.builder("-V", "--version")
            .versionHelp(true)
            .description("Print version information and exit.")
            .build());
  }

  /** A field seen through two lambdas, as picocli's getter and setter. */
  private static final class Field implements IGetter, ISetter {
    private final Supplier<?> get;
    private final Consumer<Object> set;

    Field(Supplier<?> get, Consumer<Object> set) {
      this.get = get;
      this.set = set;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get() {
      return (T) get.get();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T set(T value) {
      T previous = (T) get.get();
      set.accept(value);
      return previous;
    }
  }
}
