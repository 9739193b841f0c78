package dev.syngen.server.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * JSON for the API: snake_case names, nulls written out, ISO instants. Properties are sorted by
 * name unless a document declares its order ({@code @JsonbPropertyOrder}).
 */
@Provider
@ApplicationScoped
public class JsonbConfigProvider implements ContextResolver<Jsonb> {
  private final Jsonb jsonb =
      JsonbBuilder.create(
          new JsonbConfig()
              .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
              .withNullValues(true));

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }

  Jsonb jsonb() {
    return jsonb;
  }
}
