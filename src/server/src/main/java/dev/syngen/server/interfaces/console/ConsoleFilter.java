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
import java.util.Locale;

/**
 * Sends anyone not signed in to the console's login form (the API keeps HTTP Basic) and opens the
 * dashboard at the console's root (security headers are SecurityHeadersFilter's, for all paths).
 *
 * <p>What is open is decided on the container's decoded, normalised path; a request whose raw path
 * has dot segments ({@code /console/assets/../audit.xhtml}, also percent-encoded or behind a {@code
 * ;} parameter) is refused outright, so no spelling reaches a page the check did not see.
 */
@WebFilter("/console/*")
public class ConsoleFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  static final String LOGIN = "/console/login.xhtml";
  static final String HOME = "/console/index.xhtml";

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (hasDotSegment(req.getRequestURI())) {
      res.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
    if (path.equals("/console") || path.equals("/console/")) {
      res.sendRedirect(req.getContextPath() + HOME);
      return;
    }
    if (req.getUserPrincipal() != null || open(path)) {
      chain.doFilter(req, res);
      return;
    }
    String next = path + (req.getQueryString() == null ? "" : "?" + req.getQueryString());
    res.sendRedirect(
        req.getContextPath() + LOGIN + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
  }

  static boolean open(String path) {
    return path.equals(LOGIN)
        || path.startsWith("/console/assets/")
        || path.startsWith("/console/jakarta.faces.resource/");
  }

  /** Whether a raw request path has a {@code .} or {@code ..} segment in any spelling. */
  static boolean hasDotSegment(String rawPath) {
    for (String segment : rawPath.split("/", -1)) {
      int semicolon = segment.indexOf(';');
      String s = (semicolon >= 0 ? segment.substring(0, semicolon) : segment);
      s = s.toLowerCase(Locale.ROOT).replace("%2e", ".");
      if (s.equals(".") || s.equals("..") || s.contains("%2f") || s.contains("%5c")) {
        return true;
      }
    }
    return false;
  }
}
