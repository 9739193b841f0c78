package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The Kubernetes manifests probe paths the running server answers, on the port server.xml serves by
 * default, and the Service targets that port.
 */
class ContainerManifestsIT {
  private static final Path K8S = Path.of("liberty/kubernetes");
  private static final Path SERVER_XML = Path.of("src/server/src/main/liberty/config/server.xml");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String file) throws Exception {
    return (Map<String, Object>)
        new Load(LoadSettings.builder().build())
            .loadFromString(Files.readString(K8S.resolve(file)));
  }

  @SuppressWarnings("unchecked")
  private static <T> T at(Object node, String... keys) {
    Object n = node;
    for (String k : keys) {
      n = n instanceof List<?> l ? l.get(Integer.parseInt(k)) : ((Map<String, Object>) n).get(k);
    }
    return (T) n;
  }

  private static int serverXmlDefaultHttpPort() throws Exception {
    Matcher m =
        Pattern.compile("<variable name=\"http.port\" defaultValue=\"(\\d+)\"")
            .matcher(Files.readString(SERVER_XML));
    assertTrue(m.find(), "server.xml must declare the http.port variable");
    return Integer.parseInt(m.group(1));
  }

  @Test
  void probesHitPathsTheServerAnswersOnItsHttpPort() throws Exception {
    int port = serverXmlDefaultHttpPort();
    Map<String, Object> container =
        at(yaml("deployment.yaml"), "spec", "template", "spec", "containers", "0");
    List<String> paths = new ArrayList<>();
    for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
      Map<String, Object> get = at(container, probe, "httpGet");
      assertEquals(port, ((Number) get.get("port")).intValue(), probe + " port");
      paths.add((String) get.get("path"));
    }
    assertEquals(List.of("/health/started", "/health/ready", "/health/live"), paths);
    List<Map<String, Object>> ports = at(container, "ports");
    assertTrue(
        ports.stream().anyMatch(p -> ((Number) p.get("containerPort")).intValue() == port),
        "containerPort " + port);
    URI base = ItServer.baseUrl();
    for (String path : paths) {
      HttpResponse<String> r =
          ItServer.CLIENT.send(
              HttpRequest.newBuilder(base.resolve(path.substring(1))).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), path + ": " + r.body());
      assertTrue(r.body().contains("\"UP\""), path + ": " + r.body());
    }
  }

  @Test
  void theServiceTargetsTheContainerPortAndConfigKeysAreServerVariables() throws Exception {
    int port = serverXmlDefaultHttpPort();
    assertEquals(
        port, ((Number) at(yaml("service.yaml"), "spec", "ports", "0", "targetPort")).intValue());
    Map<String, Object> data = at(yaml("configmap.yaml"), "data");
    assertEquals(String.valueOf(port), data.get("HTTP_PORT"));
    String serverXml = Files.readString(SERVER_XML);
    for (String key : data.keySet()) {
      String variable = key.toLowerCase().replace('_', '.');
      assertTrue(
          serverXml.contains("<variable name=\"" + variable + "\""),
          key + " must override a server.xml variable (" + variable + ")");
    }
    String containerfile = Files.readString(Path.of("liberty/Containerfile"));
    assertTrue(containerfile.contains("EXPOSE " + port), "Containerfile must expose " + port);
    assertFalse(
        containerfile.contains("install-feature"),
        "the image uses the full runtime; nothing is downloaded");
  }
}
