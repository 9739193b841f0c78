package dev.syngen.server.interfaces.console;

/**
 * A guided prompt of the fidelity page: how urgent ({@code info}, {@code warn}, {@code error}),
 * what it says, and its one-click fix: a link ({@code href}) that opens the right form pre-filled,
 * or, with {@code recheck}, a button that checks the run again at that tolerance.
 */
public record FidelityPrompt(
    String severity, String title, String detail, String action, String href, String recheck) {
  static FidelityPrompt link(
      String severity, String title, String detail, String action, String href) {
    return new FidelityPrompt(severity, title, detail, action, href, null);
  }

  /** Whether the fix is a button (a check at another tolerance) rather than a link. */
  public boolean isButton() {
    return recheck != null;
  }
}
