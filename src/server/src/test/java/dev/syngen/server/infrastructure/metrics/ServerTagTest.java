package dev.syngen.server.infrastructure.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.syngen.server.application.batch.ExecutorChunks;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The {@code server} label of a cluster member's metrics (mp.metrics.tags in its role's Liberty
 * configuration) names the server as its partitions and heartbeat do: {@link
 * ExecutorChunks#serverName()}.
 */
class ServerTagTest {
  private static final Path CONFIG = Path.of("src/server/src/main/liberty/config");

  @Test
  void dispatchersAndExecutorsTagEveryMetricWithTheNameTheirPartitionsRecord() throws Exception {
    for (String role : new String[] {"dispatcher", "executor"}) {
      Map<String, String> v = variables(role);
      assertEquals("server=${wlp.server.name}@${HOSTNAME}", v.get("mp.metrics.tags"), role);
      assertEquals("5", v.get("syngen.cluster.heartbeat-seconds"), role);
      String host = System.getenv().getOrDefault("HOSTNAME", v.get("HOSTNAME"));
      String resolved =
          v.get("mp.metrics.tags")
              .replace("${wlp.server.name}", System.getProperty("wlp.server.name", "server"))
              .replace("${HOSTNAME}", host);
      assertEquals("server=" + ExecutorChunks.serverName(), resolved, role);
    }
  }

  @Test
  void aStandaloneServerCarriesNoServerLabel() throws Exception {
    assertFalse(variables("standalone").containsKey("mp.metrics.tags"));
  }

  /** The defaults of the {@code <variable>} elements of role-{@code role}.xml. */
  private static Map<String, String> variables(String role) throws Exception {
    NodeList nodes =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(CONFIG.resolve("role-" + role + ".xml").toFile())
            .getElementsByTagName("variable");
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      Element e = (Element) nodes.item(i);
      out.put(e.getAttribute("name"), e.getAttribute("defaultValue"));
    }
    return out;
  }
}
