package dev.syngen.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --out FILE}: where the drafting commands ({@code scenario from-profile}, {@code
 * from-json-schema}, {@code from-db}) put the scenario they draft (a mixin).
 */
final class DraftOutput {
  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the scenario here (default: print it).")
  Path file;

  /**
   * Prints the drafted scenario, or writes it to {@code --out}; true if it was written, so the
   * command goes on to say what it wrote where.
   */
  boolean write(String yaml, PrintWriter out) throws IOException {
    if (file == null) {
      out.print(yaml);
      return false;
    }
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return true;
  }
}
