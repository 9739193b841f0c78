package dev.syngen.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP receiver on 127.0.0.1 for the tests: accepts {@code POST /v1/traces} in protobuf, as
 * an OpenTelemetry collector would, and keeps every span it decodes.
 */
final class OtlpReceiver implements AutoCloseable {
  /** One received span: ids in hex, as traceparent writes them; attributes as text. */
  record ReceivedSpan(
      String traceId,
      String spanId,
      String parentSpanId,
      String name,
      String kind,
      long durationNanos,
      Map<String, String> attributes) {}

  private final HttpServer http;
  private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

  private OtlpReceiver(HttpServer http) {
    this.http = http;
  }

  static OtlpReceiver start() throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    OtlpReceiver r = new OtlpReceiver(http);
    http.createContext("/v1/traces", r::traces);
    http.start();
    return r;
  }

  /** The endpoint to give OTEL_EXPORTER_OTLP_ENDPOINT (the exporter adds /v1/traces). */
  String endpoint() {
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  List<ReceivedSpan> spans() {
    return new ArrayList<>(spans);
  }

  private void traces(HttpExchange ex) throws IOException {
    try (ex) {
      InputStream body = ex.getRequestBody();
      if ("gzip".equalsIgnoreCase(ex.getRequestHeaders().getFirst("Content-Encoding"))) {
        body = new GZIPInputStream(body);
      }
      ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
      for (ResourceSpans rs : request.getResourceSpansList()) {
        for (ScopeSpans ss : rs.getScopeSpansList()) {
          ss.getSpansList().forEach(s -> spans.add(received(s)));
        }
      }
      byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
      ex.getResponseHeaders().set("Content-Type", "application/x-protobuf");
      ex.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
      ex.getResponseBody().write(answer);
    }
  }

  private static ReceivedSpan received(io.opentelemetry.proto.trace.v1.Span s) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (KeyValue kv : s.getAttributesList()) {
      var v = kv.getValue();
      attributes.put(
          kv.getKey(),
          v.hasStringValue()
              ? v.getStringValue()
              : v.hasIntValue() ? String.valueOf(v.getIntValue()) : v.toString().trim());
    }
    HexFormat hex = HexFormat.of();
    return new ReceivedSpan(
        hex.formatHex(s.getTraceId().toByteArray()),
        hex.formatHex(s.getSpanId().toByteArray()),
        hex.formatHex(s.getParentSpanId().toByteArray()),
        s.getName(),
        s.getKind().name(),
        s.getEndTimeUnixNano() - s.getStartTimeUnixNano(),
        attributes);
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
