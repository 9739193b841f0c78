package dev.syngen.server.interfaces.rest;

import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

/**
 * Location headers as paths without scheme and host. The caller's {@code Host} header is not
 * trusted (finding 20: it was copied into Location), and a path resolves against whatever address
 * the client used, behind a proxy too.
 */
final class Locations {
  private Locations() {}

  /** The API path of {@code segments} under the application's base, e.g. /api/v1/runs/r1. */
  static String of(UriInfo uri, String... segments) {
    UriBuilder b = UriBuilder.fromPath(uri.getBaseUri().getRawPath());
    for (String s : segments) {
      b.segment(s);
    }
    return b.build().getRawPath();
  }
}
