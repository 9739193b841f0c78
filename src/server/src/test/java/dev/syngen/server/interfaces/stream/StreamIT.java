package dev.syngen.server.interfaces.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syngen.server.ItServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StreamIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Collects whole text messages into a queue. */
  private static final class Collector implements WebSocket.Listener {
    final LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          messages.add(JSON.readTree(partial.toString()));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        partial.setLength(0);
      }
      ws.request(1);
      return CompletableFuture.completedFuture(null);
    }

    JsonNode next() throws InterruptedException {
      JsonNode n = messages.poll(60, TimeUnit.SECONDS);
      if (n == null) {
        throw new AssertionError("no message within 60 s");
      }
      return n;
    }
  }

  private static WebSocket connect(Collector c) throws Exception {
    URI http = ItServer.baseUrl();
    URI ws = URI.create("ws://" + http.getHost() + ":" + http.getPort() + "/api/v1/stream");
    return ItServer.CLIENT.newWebSocketBuilder().buildAsync(ws, c).get(30, TimeUnit.SECONDS);
  }

  @Test
  void sendsEachRecordThenCompleteWithTheSameRecordsAsTheHttpStream() throws Exception {
    Collector c = new Collector();
    WebSocket ws = connect(c);
    ws.sendText(
            "{\"type\":\"generate\",\"scenario_id\":\"iot-demo\",\"entity\":\"devices\",\"count\":100,\"seed\":3}",
            true)
        .get();
    List<String> records = new ArrayList<>();
    JsonNode m;
    while ((m = c.next()).get("type").asText().equals("data")) {
      records.add(JSON.writeValueAsString(m.get("record")));
    }
    assertEquals("complete", m.get("type").asText(), m.toString());
    assertEquals(100, m.get("count").asLong());
    assertEquals(100, records.size());
    HttpResponse<String> http =
        GenerateIT.post(
            "{\"scenario_id\":\"iot-demo\",\"entity\":\"devices\",\"count\":100,\"seed\":3}");
    String[] lines = http.body().split("\n");
    for (int i = 0; i < lines.length; i++) {
      assertEquals(JSON.readTree(lines[i]), JSON.readTree(records.get(i)), "record " + i);
    }
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get();
  }

  @Test
  void reportsValidationErrorsAndCanCancel() throws Exception {
    Collector c = new Collector();
    WebSocket ws = connect(c);
    ws.sendText(
            "{\"type\":\"generate\",\"scenario_id\":\"iot-demo\",\"entity\":\"nope\",\"count\":5}",
            true)
        .get();
    JsonNode error = c.next();
    assertEquals("error", error.get("type").asText());
    assertEquals(422, error.get("status").asInt(), error.toString());
    assertEquals("entity", error.get("errors").get(0).get("path").asText());
    ws.sendText(
            "{\"type\":\"generate\",\"scenario_id\":\"iot-demo\",\"entity\":\"telemetry\",\"count\":9000000}",
            true)
        .get();
    assertEquals("data", c.next().get("type").asText());
    ws.sendText("{\"type\":\"cancel\"}", true).get();
    JsonNode m;
    do {
      m = c.next();
    } while (m.get("type").asText().equals("data"));
    assertEquals("cancelled", m.get("type").asText(), m.toString());
    assertTrue(m.get("count").asLong() < 50_000_000L);
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get();
  }
}
