package dev.syngen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's help renders as written: a description is a format string to picocli, so a bare
 * {@code %} in it prints a warning and the raw text instead of the help.
 */
class HelpTextTest {
  @Test
  void everyCommandsHelpRendersWithoutAWarning() {
    PrintStream err = System.err;
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    List<String> commands = new ArrayList<>();
    try {
      System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
      render(SyngenCommand.commandLine(), commands);
    } finally {
      System.setErr(err);
    }
    assertTrue(commands.size() > 30, "every subcommand, not only the top: " + commands);
    assertEquals("", warnings.toString(StandardCharsets.UTF_8), "picocli's warnings");
  }

  private static void render(CommandLine cl, List<String> commands) {
    commands.add(cl.getCommandSpec().qualifiedName());
    String usage = cl.getUsageMessage();
    assertTrue(usage.contains("Usage: "), usage);
    cl.getSubcommands().values().stream().distinct().forEach(sub -> render(sub, commands));
  }
}
