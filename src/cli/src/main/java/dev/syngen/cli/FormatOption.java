package dev.syngen.cli;

import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code --format table|json}: the option every command that prints a result shares, as a mixin of
 * the annotated commands and as {@link #spec} in those declared without annotations.
 */
final class FormatOption {
  private static final String NAME = "--format";
  private static final String DEFAULT = "table";
  private static final String DESCRIPTION = "table or json (default: ${DEFAULT-VALUE}).";

  @Option(names = NAME, defaultValue = DEFAULT, description = DESCRIPTION)
  Output.Format format = Output.Format.table;

  boolean json() {
    return format == Output.Format.json;
  }

  /** The option, bound to this object, for a command declared without annotations. */
  OptionSpec spec() {
    return Specs.option(NAME, Output.Format.class, () -> format, v -> format = (Output.Format) v)
        .paramLabel("<format>")
        .defaultValue(DEFAULT)
        .description(DESCRIPTION)
        .build();
  }
}
