package dev.syngen.server.infrastructure.persistence;

import java.net.URISyntaxException;
import java.net.URL;
import java.util.List;
import liquibase.resource.AbstractResourceAccessor;
import liquibase.resource.URIResource;

/**
 * Hands Liquibase the changelog, its SQL files and its XML schema by exact class-path name. The
 * application's class loader opens them whatever URL scheme the server uses (Liberty's {@code
 * wsjar:} among them), which Liquibase's own class-path scanning does not handle.
 */
final class ClassPathMigrations extends AbstractResourceAccessor {
  private final ClassLoader loader;

  ClassPathMigrations(ClassLoader loader) {
    this.loader = loader;
  }

  @Override
  public List<liquibase.resource.Resource> getAll(String path) {
    URL url = loader.getResource(path.startsWith("/") ? path.substring(1) : path);
    if (url == null) {
      return List.of();
    }
    try {
      return List.of(new URIResource(path, url.toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException("unreadable class-path resource " + url, e);
    }
  }

  /** The changelog names each file it applies, so nothing is ever searched for. */
  @Override
  public List<liquibase.resource.Resource> search(String path, boolean recursive) {
    throw new UnsupportedOperationException(
        "the run-history changelog names its files; searching " + path + " is not supported");
  }

  @Override
  public List<String> describeLocations() {
    return List.of("the syngen application's class path");
  }

  @Override
  public void close() {}
}
