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

  /** Redirects to a console page, e.g. {@code run.xhtml?id=…}. */
  static String go(String page) {
    return "/console/" + page + (page.contains("?") ? "&" : "?") + "faces-redirect=true";
  }
}
