package dev.syngen.server.interfaces.stream;

import dev.syngen.core.engine.CancelToken;
import dev.syngen.core.plan.CompiledPlan;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.server.application.error.ApiException;
import dev.syngen.server.application.stream.StreamLimits;
import dev.syngen.server.application.stream.StreamService;
import dev.syngen.server.interfaces.rest.Bodies;
import dev.syngen.server.interfaces.web.ProblemDetails;
import dev.syngen.server.interfaces.web.ProblemDocuments;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * WebSocket {@code /api/v1/stream}: send {@code {"type":"generate", ...}} (the same fields as
 * {@code POST /generate}); receive {@code {"type":"data","record":{...}}} per record, then {@code
 * {"type":"complete","count":N}} (with llm_text columns also {@code "llm":{"cached":C,
 * "fallback":F}}, as {@code POST /generate}'s headers), or {@code {"type":"error",...}}. {@code
 * {"type":"cancel"}} stops the current generation. Sending blocks while the client is slow, so
 * memory stays bounded; a message larger than {@value #MAX_MESSAGE_BYTES} bytes closes the
 * connection (1009) unread.
 */
@ServerEndpoint("/api/v1/stream")
public class StreamEndpoint {
  static final int MAX_MESSAGE_BYTES = 1 << 20;

  private static final byte[] DATA_PREFIX =
      "{\"type\":\"data\",\"record\":".getBytes(StandardCharsets.UTF_8);

  private final StreamService service = CDI.current().select(StreamService.class).get();
  private final StreamLimits limits = CDI.current().select(StreamLimits.class).get();
  private final ManagedExecutorService executor = lookupExecutor();

  private final Map<String, CancelToken> running = new ConcurrentHashMap<>();

  /** The message being received on this connection (an endpoint instance serves one). */
  private final StringBuilder partial = new StringBuilder();

  @OnOpen
  public void onOpen(Session session) {
    session.setMaxTextMessageBufferSize(MAX_MESSAGE_BYTES);
    session.setMaxBinaryMessageBufferSize(1024);
  }

  /**
   * Collects a message from its parts, closing the connection (1009) as soon as it grows past
   * {@value #MAX_MESSAGE_BYTES} characters, so a huge frame is never held whole.
   */
  @OnMessage(maxMessageSize = MAX_MESSAGE_BYTES)
  public void onMessagePart(String part, boolean last, Session session) {
    if (partial.length() + part.length() > MAX_MESSAGE_BYTES) {
      partial.setLength(0);
      partial.trimToSize();
      try {
        session.close(
            new CloseReason(
                CloseReason.CloseCodes.TOO_BIG,
                "a message may have at most " + MAX_MESSAGE_BYTES + " characters"));
      } catch (IOException e) {
        // the client has gone already
      }
      return;
    }
    partial.append(part);
    if (last) {
      String message = partial.toString();
      partial.setLength(0);
      onMessage(message, session);
    }
  }

  private void onMessage(String message, Session session) {
    Object tree;
    try {
      tree = Bodies.parseJson(message);
    } catch (RuntimeException e) {
      send(
          session,
          ProblemDocuments.malformed(
              "the message is not valid JSON: " + e.getMessage(), null, null),
          "error");
      return;
    }
    Object type = tree instanceof Map<?, ?> m ? m.get("type") : null;
    if ("cancel".equals(type)) {
      CancelToken t = running.get(session.getId());
      if (t != null) {
        t.cancel();
      }
      return;
    }
    if (!"generate".equals(type)) {
      send(
          session,
          ProblemDocuments.of(
              400,
              "Unknown message type",
              "type must be \"generate\" or \"cancel\", got " + type,
              null,
              null),
          "error");
      return;
    }
    StreamService.Generation plan;
    try {
      plan = service.plan(tree);
    } catch (ValidationException e) {
      send(session, ProblemDocuments.validation(e, null, null), "error");
      return;
    } catch (IllegalArgumentException e) {
      send(
          session,
          ProblemDocuments.of(404, "Scenario not found", e.getMessage(), null, null),
          "error");
      return;
    }
    CancelToken cancel = new CancelToken();
    if (running.putIfAbsent(session.getId(), cancel) != null) {
      plan.close();
      send(
          session,
          ProblemDocuments.of(
              409,
              "Busy",
              "a generation is already running on this connection; send {\"type\":\"cancel\"} first",
              null,
              null),
          "error");
      return;
    }
    StreamLimits.Admission admission;
    try {
      admission = limits.admit("ws:" + session.getId());
    } catch (ApiException e) {
      plan.close();
      running.remove(session.getId());
      Map<String, Object> problem =
          ProblemDocuments.fields(
              ProblemDocuments.of(e.status(), e.title(), e.getMessage(), null, null));
      problem.put("retry_after", e.retryAfterSeconds());
      send(session, problem, "error");
      return;
    }
    executor.submit(() -> generate(session, plan, cancel, admission));
  }

  private void generate(
      Session session,
      StreamService.Generation generation,
      CancelToken cancel,
      StreamLimits.Admission admission) {
    AtomicLong count = new AtomicLong();
    CompiledPlan plan = generation.plan();
    try (admission;
        generation) {
      if (service.stream(plan, chunk -> sendRecords(session, chunk, count), cancel, admission)) {
        Map<String, Object> complete = new java.util.LinkedHashMap<>();
        complete.put("count", count.get());
        complete.put("config_hash", plan.configHash());
        complete.put("seed", plan.seed());
        if (generation.llm() != null) {
          complete.put(
              "llm",
              Map.of("cached", generation.llm().cached(), "fallback", generation.llm().fallback()));
        }
        send(session, complete, "complete");
      } else if (admission.expired()) {
        send(
            session,
            ProblemDocuments.of(
                408,
                "Time limit reached",
                "the stream ran for "
                    + limits.maxSeconds()
                    + " s, the most one stream may (setting syngen.generate.max-seconds); "
                    + count.get()
                    + " records were sent",
                null,
                null),
            "error");
      } else {
        send(session, Map.of("count", count.get()), "cancelled");
      }
    } catch (RuntimeException e) {
      if (session.isOpen()) {
        send(
            session,
            ProblemDocuments.of(
                500, "Generation failed", String.valueOf(e.getMessage()), null, null),
            "error");
      }
    } finally {
      running.remove(session.getId());
    }
  }

  /** Sends each NDJSON line of a chunk as its own data message. */
  private static void sendRecords(Session session, byte[] chunk, AtomicLong count)
      throws IOException {
    int start = 0;
    for (int i = 0; i < chunk.length; i++) {
      if (chunk[i] == '\n') {
        byte[] msg = new byte[DATA_PREFIX.length + (i - start) + 1];
        System.arraycopy(DATA_PREFIX, 0, msg, 0, DATA_PREFIX.length);
        System.arraycopy(chunk, start, msg, DATA_PREFIX.length, i - start);
        msg[msg.length - 1] = '}';
        session.getBasicRemote().sendText(new String(msg, StandardCharsets.UTF_8));
        count.incrementAndGet();
        start = i + 1;
      }
    }
  }

  private static void send(Session session, ProblemDetails problem, String type) {
    send(session, ProblemDocuments.fields(problem), type);
  }

  private static void send(Session session, Map<String, Object> body, String type) {
    Map<String, Object> m = new java.util.LinkedHashMap<>(body);
    m.put("type", type); // a problem document's own "type" gives way to the message type
    try (Jsonb jsonb = JsonbBuilder.create()) {
      session.getBasicRemote().sendText(jsonb.toJson(m));
    } catch (Exception e) {
      // the client has gone; nothing is left to tell it
    }
  }

  private static ManagedExecutorService lookupExecutor() {
    try {
      return InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
    } catch (NamingException e) {
      throw new IllegalStateException("the default managed executor is not available", e);
    }
  }

  @OnClose
  public void onClose(Session session) {
    CancelToken t = running.remove(session.getId());
    if (t != null) {
      t.cancel();
    }
  }
}
