package dev.syngen.server.infrastructure.logging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs a line with the named fields of the log schema (docs/logging.md). On Open Liberty the fields
 * go through its LogRecordContext, which adds them to JSON log records as {@code ext_<name>}, and
 * server.xml's jsonFieldMappings gives them their schema names; elsewhere the line is logged
 * without them. Looked up reflectively so the application does not compile against a
 * Liberty-specific API. The current span's trace and span ids and the current request's id are
 * added when the caller did not name them.
 */
public final class LogFields {
  public static final String TRACE_ID = "trace_id";
  public static final String SPAN_ID = "span_id";
  public static final String RUN_ID = "run_id";
  public static final String SCENARIO_ID = "scenario_id";
  public static final String ENTITY = "entity";
  public static final String TARGET_KIND = "target_kind";
  public static final String USER = "user";
  public static final String ACTION = "action";
  public static final String REQUEST_ID = "request_id";

  /** Numbers: Liberty writes an extension whose name ends in _long as a JSON number. */
  public static final String ROWS = "rows_long";

  public static final String LATENCY_MS = "latency_ms_long";
  public static final String CPU_MS = "cpu_ms_long";
  public static final String HEAP_MB = "heap_mb_long";

  private static final String CONTEXT = "com.ibm.websphere.logging.hpel.LogRecordContext";
  private static final Method ADD = method("addExtension");
  private static final Method REMOVE = method("removeExtension");

  private LogFields() {}

  /** Logs {@code message} with {@code fields} (null values are left out) on this thread. */
  public static void log(
      Logger logger, Level level, Supplier<String> message, Map<String, String> fields) {
    if (!logger.isLoggable(level)) {
      return;
    }
    Map<String, String> all = withContext(fields);
    all.forEach(LogFields::add);
    try {
      logger.log(level, message);
    } finally {
      all.keySet().forEach(LogFields::remove);
    }
  }

  /**
   * {@code fields} plus the current span's trace and span ids (the span id only when the line
   * belongs to that trace) and the current request's id, where the caller named none.
   */
  static Map<String, String> withContext(Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    SpanContext span = Span.current().getSpanContext();
    if (span.isValid()) {
      all.putIfAbsent(TRACE_ID, span.getTraceId());
      if (span.getTraceId().equals(all.get(TRACE_ID))) {
        all.putIfAbsent(SPAN_ID, span.getSpanId());
      }
    }
    RequestIds.current().ifPresent(id -> all.putIfAbsent(REQUEST_ID, id));
    all.values().removeIf(v -> v == null);
    return all;
  }

  private static void add(String key, String value) {
    if (ADD != null) {
      invoke(ADD, key, value);
    }
  }

  private static void remove(String key) {
    if (REMOVE != null) {
      invoke(REMOVE, key);
    }
  }

  private static void invoke(Method m, Object... args) {
    try {
      m.invoke(null, args);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // a field that cannot be added leaves the line as it is: logging never fails a run
    }
  }

  private static Method method(String name) {
    try {
      Class<?> c = Class.forName(CONTEXT);
      return "addExtension".equals(name)
          ? c.getMethod(name, String.class, String.class)
          : c.getMethod(name, String.class);
    } catch (ReflectiveOperationException | LinkageError e) {
      return null;
    }
  }
}
