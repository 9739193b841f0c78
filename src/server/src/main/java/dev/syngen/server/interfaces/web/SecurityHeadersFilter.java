package dev.syngen.server.interfaces.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sets the browser defences on every response of the application (API, reports, console, error
 * pages): a Content-Security-Policy that allows scripts, styles and connections from this origin
 * only and no framing, no MIME sniffing, no referrer to other sites, and HSTS on HTTPS responses.
 * Mapped in web.xml first, for requests and error dispatches, so no other filter answers first.
 *
 * <p>The console's component library (PrimeFaces in CSP mode) sends its own policy naming a
 * per-response nonce for the scripts it writes into the page. A second policy header would be
 * enforced on top of this one (the browser applies both), so that nonce is merged into this
 * policy's {@code script-src} instead and the response keeps one strict policy.
 */
public class SecurityHeadersFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  static final String HEADER = "Content-Security-Policy";
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
          + " frame-ancestors 'none'";
  static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000";

  /** The form field PrimeFaces' script posts the page's nonce in. */
  static final String NONCE_PARAMETER = "primefaces.nonce";

  private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=_-]{8,128})'");

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletResponse out = new OnePolicy(res, req.isSecure());
    setHeaders(out, req.isSecure());
    chain.doFilter(withNonce(req), out);
  }

  private static void setHeaders(HttpServletResponse res, boolean secure) {
    res.setHeader(HEADER, CONTENT_SECURITY_POLICY);
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "same-origin");
    if (secure) {
      res.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
    }
  }

  /**
   * A form post without the component library's nonce (a client without script, such as a sign-in
   * posted by a tool) gets a fresh one, as its script would have sent: a stateless page (the
   * sign-in form) then answers with that nonce instead of failing; a page whose view holds another
   * nonce still refuses the post.
   */
  static HttpServletRequest withNonce(HttpServletRequest req) {
    String type = req.getContentType();
    if (!"POST".equals(req.getMethod())
        || type == null
        || !type.startsWith("application/x-www-form-urlencoded")
        || !req.getRequestURI().endsWith(".xhtml")
        || req.getParameter(NONCE_PARAMETER) != null) {
      return req;
    }
    String nonce =
        Base64.getEncoder()
            .encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
    return new HttpServletRequestWrapper(req) {
      @Override
      public String getParameter(String name) {
        return NONCE_PARAMETER.equals(name) ? nonce : super.getParameter(name);
      }

      @Override
      public Map<String, String[]> getParameterMap() {
        Map<String, String[]> m = new HashMap<>(super.getParameterMap());
        m.put(NONCE_PARAMETER, new String[] {nonce});
        return Collections.unmodifiableMap(m);
      }

      @Override
      public Enumeration<String> getParameterNames() {
        return Collections.enumeration(getParameterMap().keySet());
      }

      @Override
      public String[] getParameterValues(String name) {
        return NONCE_PARAMETER.equals(name) ? new String[] {nonce} : super.getParameterValues(name);
      }
    };
  }

  /**
   * The server's policy with the nonce of {@code offered} (another component's policy) allowed for
   * scripts; the server's policy alone when {@code offered} names no nonce.
   */
  static String merged(String offered) {
    Matcher m = offered == null ? null : NONCE.matcher(offered);
    if (m == null || !m.find()) {
      return CONTENT_SECURITY_POLICY;
    }
    return CONTENT_SECURITY_POLICY.replace(
        "script-src 'self';", "script-src 'self' 'nonce-" + m.group(1) + "';");
  }

  /**
   * Keeps exactly one Content-Security-Policy header: a policy set later by the application only
   * contributes its nonce, and a reset of the response (an error page) sets the headers again.
   */
  static final class OnePolicy extends HttpServletResponseWrapper {
    private final boolean secure;

    OnePolicy(HttpServletResponse res, boolean secure) {
      super(res);
      this.secure = secure;
    }

    @Override
    public void setHeader(String name, String value) {
      super.setHeader(name, HEADER.equalsIgnoreCase(name) ? merged(value) : value);
    }

    @Override
    public void addHeader(String name, String value) {
      if (HEADER.equalsIgnoreCase(name)) {
        super.setHeader(HEADER, merged(value));
      } else {
        super.addHeader(name, value);
      }
    }

    @Override
    public void reset() {
      super.reset();
      setHeaders(this, secure);
    }
  }
}
