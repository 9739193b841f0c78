package dev.syngen.io.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syngen.core.llm.ChatAnswer;
import dev.syngen.core.llm.LlmCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Answers as one small JSON file each, {@code <dir>/<first 2 hex>/<sha-256>.json}, holding the
 * text, the model that answered and the token counts, never the prompt's provider or key. Entries
 * are written once (a hard link of a finished temporary file, which fails if another writer got
 * there first), so readers never see half a file and the first answer wins.
 */
public final class FileLlmCache implements LlmCache {
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

  private final Path directory;
  private final ObjectMapper json = new ObjectMapper();

  public FileLlmCache(Path directory) {
    this.directory = directory;
  }

  public Path directory() {
    return directory;
  }

  @Override
  public Optional<ChatAnswer> get(String key) {
    try {
      JsonNode n = json.readTree(Files.readString(file(key), StandardCharsets.UTF_8));
      return Optional.of(
          new ChatAnswer(
              n.path("text").asText(),
              n.path("model").asText(""),
              n.path("input_tokens").asLong(0),
              n.path("output_tokens").asLong(0)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read LLM cache entry " + file(key), e);
    }
  }

  @Override
  public ChatAnswer putIfAbsent(String key, ChatAnswer answer) {
    Path target = file(key);
    try {
      Files.createDirectories(target.getParent());
      ObjectNode o = json.createObjectNode();
      o.put("text", answer.text());
      o.put("model", answer.model());
      o.put("input_tokens", answer.inputTokens());
      o.put("output_tokens", answer.outputTokens());
      Path tmp = Files.createTempFile(target.getParent(), key, ".tmp");
      try {
        Files.writeString(tmp, o.toString(), StandardCharsets.UTF_8);
        Files.createLink(target, tmp);
        return answer;
      } catch (FileAlreadyExistsException e) {
        return get(key).orElse(answer);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write LLM cache entry " + target, e);
    }
  }

  /** What an import did: entries added, already present (same text), and kept over a conflict. */
  public record Imported(long added, long present, long conflicts) {}

  /**
   * Writes every entry as one NDJSON line, sorted by key: {@code {"key", "text", "model",
   * "input_tokens", "output_tokens"}} — what the cache holds, never a prompt, provider URL or key.
   * Returns the number of entries written.
   */
  public long export(java.io.Writer out) throws IOException {
    java.util.List<String> keys = keys();
    for (String key : keys) {
      ChatAnswer a = get(key).orElseThrow();
      ObjectNode o = json.createObjectNode();
      o.put("key", key);
      o.put("text", a.text());
      o.put("model", a.model());
      o.put("input_tokens", a.inputTokens());
      o.put("output_tokens", a.outputTokens());
      out.write(o.toString());
      out.write('\n');
    }
    out.flush();
    return keys.size();
  }

  /** The keys of every entry, sorted. */
  public java.util.List<String> keys() throws IOException {
    if (!Files.isDirectory(directory)) {
      return java.util.List.of();
    }
    try (java.util.stream.Stream<Path> s = Files.walk(directory, 2)) {
      return s.map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - ".json".length()))
          .filter(k -> KEY.matcher(k).matches())
          .sorted()
          .toList();
    }
  }

  /**
   * Reads an export, checking every line first (all problems together, with their line), then adds
   * the entries this cache lacks. An entry already present with another text keeps the present one
   * (the first answer wins, as when two workers ask at once) and is counted as a conflict.
   */
  public Imported importFrom(java.io.BufferedReader in, String source) throws IOException {
    dev.syngen.core.problem.Problems problems = new dev.syngen.core.problem.Problems();
    java.util.List<java.util.Map.Entry<String, ChatAnswer>> entries = new java.util.ArrayList<>();
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
        o = json.readTree(line);
      } catch (IOException e) {
        problems.add(at, "is not JSON", "import a file written by `syngen llm cache export`");
        continue;
      }
      String key = o.path("key").asText("");
      if (!KEY.matcher(key).matches()) {
        problems.add(at + ".key", "must be 64 lowercase hex digits", "export the cache again");
        continue;
      }
      if (!o.path("text").isTextual()) {
        problems.add(at + ".text", "must be text", "export the cache again");
        continue;
      }
      entries.add(
          java.util.Map.entry(
              key,
              new ChatAnswer(
                  o.path("text").asText(),
                  o.path("model").asText(""),
                  o.path("input_tokens").asLong(0),
                  o.path("output_tokens").asLong(0))));
    }
    problems.throwIfAny("LLM cache export '" + source + "'");
    long added = 0, present = 0, conflicts = 0;
    for (java.util.Map.Entry<String, ChatAnswer> e : entries) {
      Optional<ChatAnswer> had = get(e.getKey());
      if (had.isEmpty()) {
        ChatAnswer kept = putIfAbsent(e.getKey(), e.getValue());
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

  private Path file(String key) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("not a cache key: " + key);
    }
    return directory.resolve(key.substring(0, 2)).resolve(key + ".json");
  }
}
