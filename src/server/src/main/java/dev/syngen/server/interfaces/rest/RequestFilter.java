package dev.syngen.server.interfaces.rest;

import dev.syngen.server.application.error.ApiException;
import dev.syngen.server.infrastructure.config.SyngenSettings;
import dev.syngen.server.infrastructure.security.RequestTrace;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Starts every request's trace (W3C traceparent or a new id, echoed as {@code X-Trace-Id}) and
 * refuses bodies declared larger than the limit before reading them.
 */
@Provider
@PreMatching
public class RequestFilter implements ContainerRequestFilter, ContainerResponseFilter {
  @Inject RequestTrace trace;
  @Inject SyngenSettings settings;

  @Override
  public void filter(ContainerRequestContext request) {
    trace.begin(request.getHeaderString("traceparent"));
    if (request.getLength() > settings.maxBodyBytes()) {
      throw tooLarge(request.getLength(), settings.maxBodyBytes());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    response.getHeaders().putSingle("X-Trace-Id", trace.traceId());
  }

  static ApiException tooLarge(long size, int max) {
    return new ApiException(
        413,
        "Content Too Large",
        "the body has "
            + (size < 0 ? "more than " + max : String.valueOf(size))
            + " bytes; the limit is "
            + max
            + " (setting syngen.api.max-body-bytes)");
  }
}
