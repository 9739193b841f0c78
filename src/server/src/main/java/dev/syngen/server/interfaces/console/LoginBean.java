package dev.syngen.server.interfaces.console;

import dev.syngen.server.application.signin.SignInThrottle;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * The console's sign-in form: checks the user against the server's registry (throttled per user and
 * per address) and signs in with Liberty's single-sign-on cookie, then returns to the page first
 * asked for. The form is a stateless view, so showing it creates no HTTP session. Signing out logs
 * the cookie out on the server (Liberty tracks logged-out cookies), so a copy of it no longer works
 * either.
 */
@Named
@RequestScoped
public class LoginBean {
  @Inject SignInThrottle throttle;

  private String user;
  private String password;
  private String next;

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }

  public void login() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext ext = faces.getExternalContext();
    HttpServletRequest req = (HttpServletRequest) ext.getRequest();
    String name = user == null ? "" : user.strip();
    long wait = throttle.retryAfterSeconds(name, req.getRemoteAddr());
    if (wait > 0) {
      ext.setResponseStatus(429);
      ext.setResponseHeader("Retry-After", Long.toString(wait));
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              "Too many failed sign-ins: try again in " + wait + " s.",
              "Sign-in is paused for this user or this address after repeated wrong passwords."));
      return;
    }
    try {
      if (req.getUserPrincipal() != null) {
        req.logout();
      }
      req.login(name, password == null ? "" : password);
      if (req.getSession(false) != null) {
        req.changeSessionId();
      }
      throttle.succeeded(name);
    } catch (ServletException e) {
      throttle.failed(name, req.getRemoteAddr());
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              "Wrong user name or password.",
              "Use the credentials the server printed at first start or the ones you configured."));
      return;
    }
    ext.redirect(ext.getRequestContextPath() + safeNext());
  }

  public void logout() throws IOException, ServletException {
    ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
    HttpServletRequest req = (HttpServletRequest) ext.getRequest();
    req.logout();
    ext.invalidateSession();
    ext.redirect(ext.getRequestContextPath() + ConsoleFilter.LOGIN);
  }

  /** Only a console page of this application, so the form cannot be used to redirect elsewhere. */
  String safeNext() {
    if (next != null
        && next.startsWith("/console/")
        && !next.contains("//")
        && !next.contains("\\")
        && next.chars().noneMatch(Character::isISOControl) // CR/LF would split the Location header
        && !next.startsWith(ConsoleFilter.LOGIN)) {
      return next;
    }
    return "/console/index.xhtml";
  }
}
