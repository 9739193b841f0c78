package dev.syngen.io.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syngen.core.llm.ChatAnswer;
import dev.syngen.core.llm.LlmCache;
import dev.syngen.core.problem.Problems;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The exchange format of LLM answer caches, the same for the command line's directory and the
 * server's history database: one NDJSON line per entry, sorted by key, {@code {"key", "text",
 * "model", "input_tokens", "output_tokens"}} — what a cache holds, never a prompt, provider URL or
 * key. An export taken anywhere regenerates the same dataset offline anywhere else.
 */
public final class LlmCacheTransfer {
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private LlmCacheTransfer() {}

  /** What an import did: entries added, already present (same text), and kept over a conflict. */
  public record Imported(long added, long present, long conflicts) {}

  /** Whether {@code key} has the form of a cache key: 64 lowercase hex digits (a SHA-256). */
  public static boolean isKey(String key) {
    return key != null && KEY.matcher(key).matches();
  }

  /** Writes the entries of {@code keys} (in the order given); returns how many were written. */
  public static long export(LlmCache cache, Iterable<String> keys, Writer out) throws IOException {
    long n = 0;
    for (String key : keys) {
      Optional<ChatAnswer> a = cache.get(key);
      if (a.isEmpty()) {
        continue;
      }
      out.write(line(key, a.get()));
      out.write('\n');
      n++;
    }
    out.flush();
    return n;
  }

  /** One entry as its export line (without the newline). */
  public static String line(String key, ChatAnswer a) {
    ObjectNode o = JSON.createObjectNode();
    o.put("key", key);
    o.put("text", a.text());
    o.put("model", a.model());
    o.put("input_tokens", a.inputTokens());
    o.put("output_tokens", a.outputTokens());
    return o.toString();
  }

  /**
   * Reads an export, checking every line first (all problems together, each with its line; a {@link
   * dev.syngen.core.problem.ValidationException} and nothing added when there is one), then adds
   * the entries {@code cache} lacks. An entry already present with another text keeps the present
   * one (the first answer wins, as when two workers ask at once) and counts as a conflict.
   */
  public static Imported importInto(LlmCache cache, BufferedReader in, String source)
      throws IOException {
    Problems problems = new Problems();
    List<Map.Entry<String, ChatAnswer>> entries = new ArrayList<>();
    String line;
    int n = 0;
    while ((line = in.readLine()) != null) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      String at = "line " + n;
      JsonNode o;
      try {
        o = JSON.readTree(line);
      } catch (IOException e) {
        problems.add(at, "is not JSON", "import a file written by a syngen LLM cache export");
        continue;
      }
      String key = o.path("key").asText("");
      if (!isKey(key)) {
        problems.add(at + ".key", "must be 64 lowercase hex digits", "export the cache again");
        continue;
      }
      if (!o.path("text").isTextual()) {
        problems.add(at + ".text", "must be text", "export the cache again");
        continue;
      }
      entries.add(
          Map.entry(
              key,
              new ChatAnswer(
                  o.path("text").asText(),
                  o.path("model").asText(""),
                  o.path("input_tokens").asLong(0),
                  o.path("output_tokens").asLong(0))));
    }
    problems.throwIfAny("LLM cache export '" + source + "'");
    long added = 0;
    long present = 0;
    long conflicts = 0;
    for (Map.Entry<String, ChatAnswer> e : entries) {
      Optional<ChatAnswer> had = cache.get(e.getKey());
      if (had.isEmpty()) {
        ChatAnswer kept = cache.putIfAbsent(e.getKey(), e.getValue());
        if (kept.text().equals(e.getValue().text())) {
          added++;
        } else {
          conflicts++;
        }
      } else if (had.get().text().equals(e.getValue().text())) {
        present++;
      } else {
        conflicts++;
      }
    }
    return new Imported(added, present, conflicts);
  }
}
