package dev.syngen.server;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.MessageBodyReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.http.HttpHeaders;
import org.microshed.testing.jaxrs.RestClientBuilder;

/**
 * Typed REST clients (MicroShed Testing) for the server the build started: an interface with JAX-RS
 * annotations is the API as a test reads it. The address comes from the {@code microshed_*} system
 * properties the build sets (MicroShed's manually started environment); JSON answers read as
 * Jackson trees, other bodies as the text they are.
 */
final class ApiClients {
  private ApiClients() {}

  static <T> T anonymous(Class<T> api) {
    return builder().build(api);
  }

  static <T> T admin(Class<T> api) {
    return builder()
        .withBasicAuth(Api.ADMIN, System.getProperty("syngen.it.admin.password", "it-admin-secret"))
        .build(api);
  }

  static <T> T viewer(Class<T> api) {
    return builder()
        .withBasicAuth(
            Api.VIEWER, System.getProperty("syngen.it.viewer.password", "it-viewer-secret"))
        .build(api);
  }

  /** An answer as {@link Api.Reply}, so status, headers and body read as in the other tests. */
  static Api.Reply reply(Response r) {
    String body = r.hasEntity() ? r.readEntity(String.class) : "";
    return new Api.Reply(r.getStatus(), body, HttpHeaders.of(r.getStringHeaders(), (k, v) -> true));
  }

  private static RestClientBuilder builder() {
    // paths in the interfaces are from the server's root: the API, /health and /metrics alike
    return new RestClientBuilder().withJaxrsPath("/").withProviders(JsonTrees.class);
  }

  /** Reads a JSON body as a Jackson tree. */
  @Consumes({MediaType.APPLICATION_JSON, "application/problem+json"})
  public static final class JsonTrees implements MessageBodyReader<JsonNode> {
    @Override
    public boolean isReadable(
        Class<?> type, Type generic, Annotation[] annotations, MediaType mediaType) {
      return JsonNode.class.isAssignableFrom(type);
    }

    @Override
    public JsonNode readFrom(
        Class<JsonNode> type,
        Type generic,
        Annotation[] annotations,
        MediaType mediaType,
        MultivaluedMap<String, String> headers,
        InputStream body)
        throws IOException, WebApplicationException {
      return Api.JSON.readTree(body);
    }
  }
}
