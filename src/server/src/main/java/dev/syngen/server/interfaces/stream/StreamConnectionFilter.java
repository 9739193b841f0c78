package dev.syngen.server.interfaces.stream;

import dev.syngen.server.application.error.ApiException;
import dev.syngen.server.application.stream.StreamLimits;
import dev.syngen.server.interfaces.web.ProblemDocuments;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Rate-limits WebSocket stream connections per client address before the upgrade (the WebSocket API
 * does not tell an endpoint who is calling), answering 429 with Retry-After.
 */
@WebFilter("/api/v1/stream")
public class StreamConnectionFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Inject transient StreamLimits limits;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    try {
      limits.checkRate(req.getRemoteAddr());
    } catch (ApiException e) {
      res.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
      ProblemDocuments.send(
          res, ProblemDocuments.of(e.status(), e.title(), e.getMessage(), null, null));
      return;
    }
    chain.doFilter(req, res);
  }
}
