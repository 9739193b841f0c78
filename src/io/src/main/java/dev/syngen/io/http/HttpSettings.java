package dev.syngen.io.http;

import dev.syngen.core.sink.TargetProfile;
import dev.syngen.io.message.OptionReader;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** An HTTP target's settings, read and checked from its profile. */
record HttpSettings(
    URI url,
    boolean jsonArray,
    Map<String, String> headers,
    int concurrency,
    int retries,
    Duration backoff,
    Duration timeout) {
  private static final Set<String> RESERVED =
      Set.of("content-length", "host", "connection", "expect", "upgrade", "content-type");

  static HttpSettings read(TargetProfile p, OptionReader o) {
    URI url = null;
    String dsn = p.dsn() == null ? "" : p.dsn().trim();
    if (dsn.isEmpty()) {
      o.problems()
          .add("dsn", "is missing", "set dsn to the receiver's URL, e.g. http://localhost:8080/in");
    } else {
      try {
        url = URI.create(dsn);
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
            || url.getHost() == null) {
          throw new IllegalArgumentException("not an http(s) URL with a host");
        }
      } catch (IllegalArgumentException e) {
        o.problems()
            .add(
                "dsn",
                "'" + p.redactedDsn() + "' is not an http(s) URL",
                "write http://host:port/path");
        url = null;
      }
    }
    boolean array = "json_array".equals(o.oneOf("format", "ndjson", "ndjson", "json_array"));
    Map<String, String> headers = o.under("header.");
    for (String h : headers.keySet()) {
      if (RESERVED.contains(h.toLowerCase(java.util.Locale.ROOT)) || !h.matches("[A-Za-z0-9-]+")) {
        o.add("header." + h, "cannot be set", "remove it; syngen sets framing headers itself");
      }
    }
    int concurrency = (int) o.number("concurrency", 4, 1, 256);
    int retries = (int) o.number("retries", 10, 0, 100);
    Duration backoff = Duration.ofMillis(o.number("retry_backoff_ms", 200, 1, 60_000));
    Duration timeout = Duration.ofMillis(o.number("timeout_ms", 30_000, 100, 600_000));
    o.rejectUnknown();
    return new HttpSettings(url, array, headers, concurrency, retries, backoff, timeout);
  }
}
