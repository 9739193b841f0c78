package dev.syngen.server.interfaces.console;

/**
 * A guided prompt: its group, how urgent it is ({@code info}, {@code warn}, {@code error}), what it
 * says and the one-click action that does it or opens the right form pre-filled.
 */
public record Prompt(
    String group, String severity, String title, String detail, String action, String href) {
  public static final String SCENARIOS = "Scenario management";
  public static final String GENERATION = "Generation control";
  public static final String QUALITY = "Quality assurance";
  public static final String TROUBLE = "Troubleshooting";
}
