package dev.syngen.server.interfaces.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reading the API needs a signed-in user (admin or viewer, HTTP Basic or the console's sign-in
 * cookie) unless {@code syngen.api.anonymous-reads} is true, for a trusted network (finding 19).
 * Changes need the admin role by web.xml's constraints; this filter covers GET and HEAD, which
 * web.xml leaves open so the setting can open them again. For a read without a principal it asks
 * the container to authenticate the request: Liberty checks the Basic credentials or the cookie,
 * and without valid ones answers 401 with the Basic challenge, which the 401 error page turns into
 * a problem document (and where the sign-in throttle counts a wrong password).
 *
 * <p>Always open: {@code /api/v1/info} (the application's name and version, for clients and probes)
 * and the WebSocket {@code /api/v1/stream}, which like {@code POST /api/v1/generate} changes
 * nothing and is bounded by the stream limits.
 */
public class SignedInReadsFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  /**
   * The MicroProfile Config setting that opens reads to anyone (env SYNGEN_API_ANONYMOUS_READS).
   */
  public static final String ANONYMOUS_READS = "syngen.api.anonymous-reads";

  private static final Set<String> READS = Set.of("GET", "HEAD");
  private static final Set<String> ALWAYS_OPEN = Set.of("/api/v1/info", "/api/v1/stream");

  private boolean anonymousReads;

  @Override
  public void init() throws ServletException {
    anonymousReads =
        ConfigProvider.getConfig().getOptionalValue(ANONYMOUS_READS, Boolean.class).orElse(false);
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (needsSignIn(req.getMethod(), path(req), req.getUserPrincipal() != null, anonymousReads)
        && !req.authenticate(res)) {
      if (!res.isCommitted()) {
        res.setHeader("WWW-Authenticate", "Basic realm=\"syngen\"");
        res.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      }
      return;
    }
    chain.doFilter(req, res);
  }

  /**
   * Whether a request must be signed in before it goes on: a read (GET, HEAD) of anything under the
   * API but the always-open addresses, by a caller without a principal, while anonymous reads are
   * off. {@code path} is the container's decoded, normalised path within the application.
   */
  static boolean needsSignIn(
      String method, String path, boolean signedIn, boolean anonymousReadsAllowed) {
    if (signedIn || anonymousReadsAllowed || method == null || !READS.contains(method)) {
      return false;
    }
    return path == null || !ALWAYS_OPEN.contains(path);
  }

  /** The decoded, normalised path of the request within the application (no parameters). */
  private static String path(HttpServletRequest req) {
    String servletPath = req.getServletPath() == null ? "" : req.getServletPath();
    String pathInfo = req.getPathInfo() == null ? "" : req.getPathInfo();
    String path = servletPath + pathInfo;
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
