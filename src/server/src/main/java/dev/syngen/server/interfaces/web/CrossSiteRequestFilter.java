package dev.syngen.server.interfaces.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Refuses cross-site requests that would change something. A browser sends the sign-in cookie with
 * any form another site makes it post, so a state-changing request (any method but GET, HEAD,
 * OPTIONS) is refused with 403 when it names a foreign {@code Origin} (or, without one, a foreign
 * {@code Referer}), and when it carries cookies but no {@code Authorization} header and no proof of
 * its origin at all ({@code Origin}, {@code Referer} or {@code X-Requested-With}, which another
 * site cannot set without CORS, which this server does not allow). Clients that send their
 * credentials in an {@code Authorization} header and no cookies (curl, the CLI, scripts) need no
 * proof: no browser adds that header to a cross-site form.
 */
public class CrossSiteRequestFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String refusal = SAFE_METHODS.contains(req.getMethod()) ? null : refusal(req);
    if (refusal == null) {
      chain.doFilter(req, res);
      return;
    }
    ProblemDocuments.send(
        res,
        ProblemDocuments.of(
            HttpServletResponse.SC_FORBIDDEN, "Forbidden", refusal, req.getRequestURI(), null));
  }

  /** Why a state-changing request is refused, or null if it may proceed. */
  static String refusal(HttpServletRequest req) {
    String origin = req.getHeader("Origin");
    String referer = req.getHeader("Referer");
    String scheme = req.getScheme();
    // the name and port the client addressed (Host header, or :authority over HTTP/2)
    String host = hostAndPort(req.getServerName(), req.getServerPort());
    if (origin != null) {
      return SameOrigin.matches(origin, scheme, host)
          ? null
          : "cross-site request refused: Origin " + origin + " is not this server's origin";
    }
    if (referer != null) {
      return SameOrigin.matches(referer, scheme, host)
          ? null
          : "cross-site request refused: the Referer is not a page of this server";
    }
    boolean cookieAuthenticated =
        req.getHeader("Authorization") == null
            && req.getCookies() != null
            && req.getCookies().length > 0;
    if (cookieAuthenticated && req.getHeader("X-Requested-With") == null) {
      return "a request with cookies that changes something must prove it comes from this"
          + " server's pages (Origin, Referer or X-Requested-With header), or send HTTP Basic"
          + " credentials in an Authorization header instead of cookies";
    }
    return null;
  }

  private static String hostAndPort(String name, int port) {
    return (name.indexOf(':') >= 0 && !name.startsWith("[") ? "[" + name + "]" : name) + ":" + port;
  }
}
