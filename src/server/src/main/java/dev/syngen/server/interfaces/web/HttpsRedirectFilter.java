package dev.syngen.server.interfaces.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * With {@code syngen.tls.require=true} (SYNGEN_TLS_REQUIRE), sends every plain-HTTP request but the
 * health probes to the same path over HTTPS: 308, so a POST stays a POST and its body is sent again
 * over TLS. Health stays on HTTP for Kubernetes probes. A request whose Host is not a plain host
 * name or address is refused (400) rather than copied into a Location header.
 */
public class HttpsRedirectFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  /** The setting that makes HTTPS mandatory; {@code syngen.tls=on} must serve HTTPS too. */
  public static final String REQUIRE = "syngen.tls.require";

  private static final Pattern HOST =
      Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}]|[0-9A-Fa-f:.]{2,45}");

  private boolean required;
  private int httpsPort;

  @Override
  public void init() throws ServletException {
    Config config = ConfigProvider.getConfig();
    required = config.getOptionalValue(REQUIRE, Boolean.class).orElse(false);
    httpsPort = config.getOptionalValue("syngen.https.port", Integer.class).orElse(9443);
  }

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!required || req.isSecure() || isHealth(req.getRequestURI())) {
      chain.doFilter(req, res);
      return;
    }
    Optional<String> location =
        location(req.getServerName(), httpsPort, req.getRequestURI(), req.getQueryString());
    if (location.isEmpty()) {
      res.sendError(HttpServletResponse.SC_BAD_REQUEST, "the Host header is not a host name");
      return;
    }
    res.setStatus(308);
    res.setHeader("Location", location.get());
    res.setContentLength(0);
  }

  static boolean isHealth(String uri) {
    return uri != null && (uri.equals("/health") || uri.startsWith("/health/"));
  }

  /**
   * The HTTPS address of a request: its host (when it is a plain host name or address), the HTTPS
   * port (left out when 443), the raw path and query as received.
   */
  static Optional<String> location(String host, int port, String uri, String query) {
    if (host == null || !HOST.matcher(host).matches()) {
      return Optional.empty();
    }
    String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    StringBuilder url = new StringBuilder("https://").append(hostPart);
    if (port != 443) {
      url.append(':').append(port);
    }
    url.append(uri == null || uri.isEmpty() ? "/" : uri);
    if (query != null && !query.isEmpty()) {
      url.append('?').append(query);
    }
    return Optional.of(url.toString());
  }
}
