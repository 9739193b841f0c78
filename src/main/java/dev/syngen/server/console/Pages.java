package dev.syngen.server.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Small helpers the console's beans share: messages and redirects. */
final class Pages {
  private Pages() {}

  static void info(String text) {
    message(null, FacesMessage.SEVERITY_INFO, text);
  }

  static void error(String clientId, String text) {
    message(clientId, FacesMessage.SEVERITY_ERROR, text);
  }

  static void message(String clientId, FacesMessage.Severity severity, String text) {
    FacesContext faces = FacesContext.getCurrentInstance();
    faces.addMessage(clientId, new FacesMessage(severity, text, text));
    faces.getExternalContext().getFlash().setKeepMessages(true);
  }

  /** Redirects to a console page, e.g. {@code run.xhtml?id=…}. */
  static String go(String page) {
    return "/console/" + page + (page.contains("?") ? "&" : "?") + "faces-redirect=true";
  }
}
