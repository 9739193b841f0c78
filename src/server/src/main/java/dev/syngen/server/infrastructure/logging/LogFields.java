package dev.syngen.server.infrastructure.logging;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs a line with named fields. On Open Liberty the fields go through its LogRecordContext, which
 * adds them to JSON log records as {@code ext_<name>} (messages.log and the console when their
 * format is json); elsewhere the line is logged without them. Looked up reflectively so the
 * application does not compile against a Liberty-specific API.
 */
public final class LogFields {
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
    fields.forEach(LogFields::add);
    try {
      logger.log(level, message);
    } finally {
      fields.keySet().forEach(LogFields::remove);
    }
  }

  private static void add(String key, String value) {
    if (ADD != null && value != null) {
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
