package dev.syngen.server.interfaces.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Sends anyone not signed in to the console's login form (the API keeps HTTP Basic), and asks
 * browsers not to frame or sniff the console's pages.
 */
@WebFilter("/console/*")
public class ConsoleFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  static final String LOGIN = "/console/login.xhtml";

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    String path = req.getRequestURI().substring(req.getContextPath().length());
    if (req.getUserPrincipal() != null || open(path)) {
      chain.doFilter(req, res);
      return;
    }
    String next = path + (req.getQueryString() == null ? "" : "?" + req.getQueryString());
    res.sendRedirect(
        req.getContextPath() + LOGIN + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
  }

  private static boolean open(String path) {
    return path.equals(LOGIN)
        || path.startsWith("/console/assets/")
        || path.startsWith("/console/jakarta.faces.resource/");
  }
}
