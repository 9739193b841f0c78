package dev.syngen.server.interfaces.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Small helpers the console's beans share: messages and redirects. */
final class Pages {
  private Pages() {}

  /** A message for the page being rendered now. */
  static void info(String text) {
    message(null, FacesMessage.SEVERITY_INFO, text);
  }

  /** A message for the page a redirect leads to: it survives exactly that one redirect. */
  static void infoAfterRedirect(String text) {
    info(text);
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
  }

  static void error(String clientId, String text) {
    message(clientId, FacesMessage.SEVERITY_ERROR, text);
  }

  private static void message(String clientId, FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, text));
  }

  /**
   * True if a row's form posted the id of the thing its button acts on; otherwise says so on the
   * page. Rows post an id rather than their position, which names another thing once the list has
   * changed between the page's load and the click.
   */
  static boolean posted(String id, String what) {
    if (id == null || id.isBlank()) {
      error(null, "The request named no " + what + "; reload the page and click again.");
      return false;
    }
    return true;
  }

  /** Redirects to a console page, e.g. {@code run.xhtml?id=…}. */
  static String go(String page) {
    return "/console/" + page + (page.contains("?") ? "&" : "?") + "faces-redirect=true";
  }
}
