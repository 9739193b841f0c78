package dev.syngen.server.interfaces.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** Who is signed in and what they may do. */
@Named
@RequestScoped
public class ConsoleUser {
  @Inject HttpServletRequest request;

  public String getName() {
    return request.getUserPrincipal() == null ? "" : request.getUserPrincipal().getName();
  }

  public boolean isAdmin() {
    return request.isUserInRole("admin");
  }

  public String getRole() {
    return isAdmin() ? "admin" : "viewer";
  }
}
