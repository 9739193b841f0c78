package dev.syngen.core.llm;

import dev.syngen.core.generate.Params;
import dev.syngen.core.problem.Problems;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads a provider profile (a parsed YAML mapping), reporting every problem with its field. */
public final class LlmProviders {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
  private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

  private LlmProviders() {}

  /** The profile in {@code tree}, or null when it has problems (recorded in {@code problems}). */
  public static LlmProvider parse(Object tree, String fallbackId, Problems problems) {
    if (!(tree instanceof Map<?, ?> raw)) {
      problems.add("(document)", "must be a mapping with id, base_url, model", "see docs/llm.md");
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    raw.forEach((k, v) -> m.put(String.valueOf(k), v));
    Params p = new Params(m, "llm", problems);
    String id = p.string("id", "openai", fallbackId);
    if (id != null && !ID.matcher(id).matches()) {
      p.problem("id", "'" + id + "' is not a valid id", "use letters, digits, _ . - (≤ 64)");
    }
    String baseUrl = p.string("base_url", "https://api.openai.com/v1");
    if (baseUrl != null) {
      checkUrl(baseUrl, p);
    }
    String model = p.string("model", "gpt-4o-mini");
    String keyEnv = p.string("api_key_env", "OPENAI_API_KEY", null);
    if (keyEnv != null && !ENV.matcher(keyEnv).matches()) {
      p.problem(
          "api_key_env",
          "must name an environment variable, not hold the key itself",
          "write api_key_env: OPENAI_API_KEY and export OPENAI_API_KEY=...");
      keyEnv = null;
    }
    double timeout = positive(p, "timeout_seconds", "30", 30, 600);
    int concurrency = (int) positive(p, "max_concurrency", "4", 4, 256);
    double rps = positive(p, "requests_per_second", "5", 0, 10_000);
    double tpm = positive(p, "tokens_per_minute", "200000", 0, 1e9);
    int retries = (int) range(p, "max_retries", "3", 3, 0, 10);
    double in = range(p, "price_input_per_million", "0.15", 0, 0, 1e4);
    double out = range(p, "price_output_per_million", "0.60", 0, 0, 1e4);
    int threshold = (int) positive(p, "circuit_failures", "5", 5, 1000);
    double openFor = positive(p, "circuit_open_seconds", "30", 30, 3600);
    p.reportUnknown("llm provider");
    if (!p.ok()) {
      return null;
    }
    return new LlmProvider(
        id,
        baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl,
        model,
        keyEnv,
        Duration.ofMillis(Math.round(timeout * 1000)),
        concurrency,
        rps,
        tpm,
        retries,
        in,
        out,
        threshold,
        Duration.ofMillis(Math.round(openFor * 1000)));
  }

  private static void checkUrl(String url, Params p) {
    try {
      URI u = new URI(url);
      if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
        throw new IllegalArgumentException();
      }
      if (u.getUserInfo() != null) {
        p.problem(
            "base_url", "must not hold credentials", "put the key in the api_key_env variable");
      }
    } catch (Exception e) {
      p.problem(
          "base_url",
          "'" + url + "' is not an http(s) URL",
          "write e.g. base_url: https://api.openai.com/v1 (the part before /chat/completions)");
    }
  }

  private static double positive(Params p, String name, String example, double dflt, double max) {
    return range(p, name, example, dflt, Double.MIN_VALUE, max);
  }

  private static double range(
      Params p, String name, String example, double dflt, double min, double max) {
    if (!p.has(name)) {
      return dflt;
    }
    double v = p.number(name, example, dflt);
    if (v < min || v > max) {
      p.problem(
          name,
          "must be " + (min > 0 ? "above 0" : "at least " + (long) min) + " and at most " + max,
          "set " + name + ", e.g. " + name + ": " + example);
    }
    return v;
  }
}
