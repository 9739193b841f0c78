package dev.syngen.server.interfaces.web;

import dev.syngen.server.infrastructure.logging.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives every request an id for its log lines ({@code request_id}, docs/logging.md): the caller's
 * {@code X-Request-Id} when it is plain, else a new one, echoed in the answer's {@code
 * X-Request-Id}.
 */
@WebFilter("/*")
public class RequestIdFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    String id = RequestIds.adopt(req.getHeader("X-Request-Id"));
    res.setHeader("X-Request-Id", id);
    RequestIds.begin(id);
    try {
      chain.doFilter(req, res);
    } finally {
      RequestIds.end();
    }
  }
}
