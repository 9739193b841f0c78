package dev.syngen.server.infrastructure.logging;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The id of the HTTP request the current thread serves, for the {@code request_id} field of the log
 * schema. Set and cleared by one servlet filter around each request, so it never outlives the
 * request on a pooled thread.
 */
public final class RequestIds {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

  private RequestIds() {}

  /** A caller's {@code X-Request-Id} when it is short and plain, else a new random id. */
  public static String adopt(String header) {
    return header != null && SAFE.matcher(header).matches()
        ? header
        : HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }

  public static Optional<String> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  /** Marks this thread as serving request {@code id}; {@link #end} in a finally block. */
  public static void begin(String id) {
    CURRENT.set(id);
  }

  public static void end() {
    CURRENT.remove();
  }
}
