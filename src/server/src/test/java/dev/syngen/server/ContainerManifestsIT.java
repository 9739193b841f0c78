package dev.syngen.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

  @Test
  void theShardsJobIsAnIndexedJobWhosePodsRunTheirShardOfOnePlan() throws Exception {
    Map<String, Object> job = null;
    for (Object doc :
        new Load(LoadSettings.builder().build())
            .loadAllFromString(Files.readString(K8S.resolve("syngen-shards-job.yaml")))) {
      if ("Job".equals(at(doc, "kind"))) {
        job = at(doc, "spec");
        assertEquals("batch/v1", at(doc, "apiVersion"));
      }
    }
    assertTrue(job != null, "syngen-shards-job.yaml must hold a Job");
    assertEquals("Indexed", job.get("completionMode"));
    int completions = ((Number) job.get("completions")).intValue();
    int parallelism = ((Number) job.get("parallelism")).intValue();
    assertTrue(parallelism >= 1 && parallelism <= completions, "1 <= parallelism <= completions");
    assertEquals("Never", at(job, "template", "spec", "restartPolicy"));
    Map<String, Object> container = at(job, "template", "spec", "containers", "0");
    List<String> command = at(container, "command");
    assertEquals(List.of("java", "-jar", "/opt/syngen/syngen-cli.jar"), command);
    assertTrue(
        Files.readString(Path.of("liberty/Containerfile"))
            .contains("COPY --chown=1001:0 target/syngen-cli.jar /opt/syngen/syngen-cli.jar"),
        "the image must carry the command line the Job runs");
    Map<String, Object> env = new java.util.LinkedHashMap<>();
    List<Map<String, Object>> declared = at(container, "env");
    for (Map<String, Object> e : declared) {
      env.put((String) e.get("name"), e.containsKey("value") ? e.get("value") : e.get("valueFrom"));
    }
    List<String> names = new ArrayList<>(env.keySet());
    assertEquals(
        "metadata.annotations['batch.kubernetes.io/job-completion-index']",
        at(env.get("JOB_COMPLETION_INDEX"), "fieldRef", "fieldPath"));
    assertEquals("$(JOB_COMPLETION_INDEX)/" + completions, env.get("SYNGEN_SHARD"));
    assertTrue(
        names.indexOf("JOB_COMPLETION_INDEX") < names.indexOf("SYNGEN_SHARD"),
        "a variable can refer only to those declared before it");
    List<String> args = at(container, "args");
    assertTrue(
        args.contains("--seed") && args.contains("--as-of"), "every shard: same seed, as_of");
    assertPlansTheLastShard(args, "$(JOB_COMPLETION_INDEX)/" + completions, completions);
  }

  @Test
  void theClusterManifestsWireExecutorsToTheDispatchersEngineAndScaleOnAMetricItServes()
      throws Exception {
    Map<String, Map<String, Object>> docs = new java.util.HashMap<>();
    for (Object doc :
        new Load(LoadSettings.builder().build())
            .loadAllFromString(Files.readString(K8S.resolve("cluster.yaml")))) {
      docs.put(at(doc, "kind") + "/" + at(doc, "metadata", "name"), at(doc));
    }
    Map<String, Object> dispatcher =
        at(docs.get("Deployment/syngen-dispatcher"), "spec", "template", "spec", "containers", "0");
    Map<String, Object> executor =
        at(docs.get("Deployment/syngen-executor"), "spec", "template", "spec", "containers", "0");
    Map<String, Object> dispatcherEnv = env(dispatcher);
    Map<String, Object> executorEnv = env(executor);
    for (Map<String, Object> env : List.of(dispatcherEnv, executorEnv)) {
      String role = (String) env.get("SYNGEN_ROLE");
      assertTrue(
          Files.exists(SERVER_XML.resolveSibling("role-" + role + ".xml")),
          "SYNGEN_ROLE " + role + " selects a role file");
    }
    assertEquals(
        1, ((Number) at(docs.get("Deployment/syngen-dispatcher"), "spec", "replicas")).intValue());
    String jmsPort = (String) dispatcherEnv.get("SYNGEN_JMS_PORT");
    assertEquals(
        "*", dispatcherEnv.get("SYNGEN_JMS_HOST"), "the engine listens on the pod address");
    List<Map<String, Object>> containerPorts = at(dispatcher, "ports");
    assertTrue(
        containerPorts.stream()
            .anyMatch(p -> String.valueOf(p.get("containerPort")).equals(jmsPort)),
        "the dispatcher's container exposes its engine port " + jmsPort);
    List<Map<String, Object>> servicePorts =
        at(docs.get("Service/syngen-dispatcher"), "spec", "ports");
    assertTrue(
        servicePorts.stream()
            .anyMatch(
                p ->
                    String.valueOf(p.get("port")).equals(jmsPort)
                        && String.valueOf(p.get("targetPort")).equals(jmsPort)),
        "the Service carries the engine port");
    assertEquals("syngen-dispatcher:" + jmsPort, executorEnv.get("SYNGEN_CLUSTER_DISPATCHER"));
    assertEquals(
        "postgres",
        at(docs.get("ConfigMap/syngen-cluster-config"), "data", "SYNGEN_DB_KIND"),
        "executors and the dispatcher share a PostgreSQL history database");

    Map<String, Object> hpa = at(docs.get("HorizontalPodAutoscaler/syngen-executor"), "spec");
    assertEquals("syngen-executor", at(hpa, "scaleTargetRef", "name"));
    String metric = at(hpa, "metrics", "0", "external", "metric", "name");
    HttpResponse<String> r =
        ItServer.CLIENT.send(
            HttpRequest.newBuilder(ItServer.baseUrl().resolve("metrics?scope=application")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.body().contains(metric + "{"), metric + " is served at /metrics");
    assertEquals(
        "syngen-executor",
        at(docs.get("ConfigMap/syngen-cluster-config"), "data", "SYNGEN_JMS_USER"),
        "the user executors authenticate as to the dispatcher's engine");
    assertTrue(
        Files.readString(K8S.resolve("secret.yaml")).contains("SYNGEN_JMS_PASSWORD:"),
        "the engine's password belongs in syngen-secrets");
    // TLS between the members: the ConfigMap's value selects a file of the server's config, and
    // both roles mount the keystore's Secret where SYNGEN_CLUSTER_KEYSTORE points
    Map<String, Object> config = at(docs.get("ConfigMap/syngen-cluster-config"), "data");
    String tls = (String) config.get("SYNGEN_CLUSTER_TLS");
    assertTrue(
        Files.exists(SERVER_XML.resolveSibling("cluster-tls-" + tls + ".xml")),
        "SYNGEN_CLUSTER_TLS " + tls + " selects a file");
    assertTrue(Files.exists(SERVER_XML.resolveSibling("cluster-tls-on.xml")));
    String keystoreDir =
        java.nio.file.Path.of((String) config.get("SYNGEN_CLUSTER_KEYSTORE"))
            .getParent()
            .toString();
    for (String role : List.of("Deployment/syngen-dispatcher", "Deployment/syngen-executor")) {
      Map<String, Object> pod = at(docs.get(role), "spec", "template", "spec");
      assertEquals("syngen-cluster-tls", at(pod, "volumes", "0", "secret", "secretName"), role);
      assertEquals(Boolean.TRUE, at(pod, "volumes", "0", "secret", "optional"), role);
      assertEquals(keystoreDir, at(pod, "containers", "0", "volumeMounts", "0", "mountPath"), role);
    }
    for (Map<String, Object> container : List.of(dispatcher, executor)) {
      List<Map<String, Object>> from = at(container, "envFrom");
      assertTrue(
          from.stream()
              .anyMatch(
                  f ->
                      f.get("secretRef") instanceof Map<?, ?> ref
                          && "syngen-secrets".equals(ref.get("name"))),
          "SYNGEN_JMS_PASSWORD reaches both roles from syngen-secrets");
      assertEquals("/health/ready", at(container, "readinessProbe", "httpGet", "path"));
      assertEquals(
          serverXmlDefaultHttpPort(),
          ((Number) at(container, "readinessProbe", "httpGet", "port")).intValue());
    }
  }

  private static Map<String, Object> env(Map<String, Object> container) {
    Map<String, Object> env = new java.util.LinkedHashMap<>();
    List<Map<String, Object>> declared = at(container, "env");
    for (Map<String, Object> e : declared) {
      env.put((String) e.get("name"), e.get("value"));
    }
    return env;
  }

  /** The Job's arguments are a valid sharded run for the command line the build made. */
  private static void assertPlansTheLastShard(List<String> args, String shard, int completions)
      throws Exception {
    List<String> cli = new ArrayList<>(List.of(javaBin(), "-jar", "target/syngen-cli.jar"));
    cli.addAll(args);
    cli.add("--plan");
    Path history = Files.createTempDirectory("syngen-job-history");
    ProcessBuilder pb = new ProcessBuilder(cli).redirectErrorStream(true);
    String last = String.valueOf(completions - 1);
    pb.environment().put("SYNGEN_SHARD", shard.replace("$(JOB_COMPLETION_INDEX)", last));
    pb.environment().put("SYNGEN_HISTORY_DIR", history.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    assertTrue(out.contains("SHARD " + last + "/" + completions + " ROWS"), out);
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
