package dev.syngen.server.interfaces.console;

import dev.syngen.server.infrastructure.tracing.RunTracing;
import dev.syngen.server.infrastructure.tracing.RunTracing.ActionSpan;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A span around every console action (a form post: start a run, check fidelity, add a target), so a
 * run started from the console belongs to the trace of the click that started it. Pages that are
 * only read get none; the REST API's spans are mpTelemetry's own.
 */
@WebFilter("/console/*")
public class ConsoleActionTracing extends HttpFilter {
  private static final long serialVersionUID = 1L;

  @Inject RunTracing tracing;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    if (!"POST".equals(req.getMethod())) {
      chain.doFilter(req, res);
      return;
    }
    try (ActionSpan span = tracing.startAction("console POST " + req.getServletPath())) {
      try {
        chain.doFilter(req, res);
      } catch (IOException | ServletException | RuntimeException e) {
        span.failed(e);
        throw e;
      }
    }
  }
}
