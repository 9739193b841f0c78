package dev.syngen.cli;

import picocli.CommandLine.Option;

/** {@code --format table|json}: the option every command that prints a result shares (a mixin). */
final class FormatOption {
  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table or json (default: ${DEFAULT-VALUE}).")
  Output.Format format = Output.Format.table;

  boolean json() {
    return format == Output.Format.json;
  }
}
