package dev.syngen.server.interfaces.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Whether an {@code Origin} or {@code Referer} names the origin a request was sent to (its scheme
 * and the host and port the client addressed), comparing scheme, host and port with default ports
 * filled in.
 */
final class SameOrigin {
  private SameOrigin() {}

  /** Whether {@code url} (an origin or a full URL) is {@code scheme://host} of the request. */
  static boolean matches(String url, String requestScheme, String hostAndPort) {
    if (url == null || hostAndPort == null || requestScheme == null) {
      return false;
    }
    try {
      URI claimed = new URI(url.strip());
      URI own = new URI(requestScheme + "://" + hostAndPort.strip());
      return claimed.getScheme() != null
          && claimed.getHost() != null
          && claimed.getRawUserInfo() == null
          && claimed.getScheme().equalsIgnoreCase(own.getScheme())
          && claimed.getHost().toLowerCase(Locale.ROOT).equals(lower(own.getHost()))
          && port(claimed) == port(own);
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static String lower(String host) {
    return host == null ? null : host.toLowerCase(Locale.ROOT);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
