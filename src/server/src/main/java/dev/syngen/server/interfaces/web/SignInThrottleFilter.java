package dev.syngen.server.interfaces.web;

import dev.syngen.server.application.signin.SignInThrottle;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Applies the sign-in throttle to HTTP Basic (the console's form is throttled by its login bean). A
 * throttled call is answered 429 with Retry-After, even with the right password. The container
 * checks Basic credentials before any filter runs, so a wrong password is counted where its 401 is
 * dispatched to the error page, and turned into a 429 there once the throttle is on.
 */
public class SignInThrottleFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Inject SignInThrottle throttle;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String user = basicUser(req.getHeader("Authorization"));
    if (user == null) {
      chain.doFilter(req, res);
      return;
    }
    String address = req.getRemoteAddr();
    long wait = throttle.retryAfterSeconds(user, address);
    if (wait > 0) {
      refuse(req, res, wait);
      return;
    }
    if (req.getDispatcherType() == DispatcherType.ERROR
        && Integer.valueOf(401).equals(req.getAttribute("jakarta.servlet.error.status_code"))) {
      throttle.failed(user, address);
      wait = throttle.retryAfterSeconds(user, address);
      if (wait > 0) {
        refuse(req, res, wait);
        return;
      }
    } else if (req.getDispatcherType() == DispatcherType.REQUEST
        && req.getUserPrincipal() != null) {
      throttle.succeeded(user);
    }
    chain.doFilter(req, res);
  }

  private static void refuse(HttpServletRequest req, HttpServletResponse res, long seconds)
      throws IOException {
    res.resetBuffer();
    res.setHeader("Retry-After", Long.toString(seconds));
    res.setHeader("WWW-Authenticate", null);
    ProblemDocuments.send(
        res,
        ProblemDocuments.of(
            429,
            "Too Many Requests",
            "too many failed sign-ins for this user or from this address; sign-in is refused for "
                + seconds
                + " s, also with the right password",
            req.getRequestURI(),
            null));
  }

  /** The user name of an HTTP Basic {@code Authorization} header, or null. */
  static String basicUser(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, "Basic ", 0, 6)
        || authorization.length() > 4096) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).strip()),
              StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
