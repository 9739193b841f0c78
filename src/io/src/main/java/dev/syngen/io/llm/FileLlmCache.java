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

/**
 * Answers as one small JSON file each, {@code <dir>/<first 2 hex>/<sha-256>.json}, holding the
 * text, the model that answered and the token counts, never the prompt's provider or key. Entries
 * are written once (a hard link of a finished temporary file, which fails if another writer got
 * there first), so readers never see half a file and the first answer wins.
 */
public final class FileLlmCache implements LlmCache {

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

  /**
   * Writes every entry as one NDJSON line, sorted by key (see {@link LlmCacheTransfer}); returns
   * the number of entries written.
   */
  public long export(java.io.Writer out) throws IOException {
    return LlmCacheTransfer.export(this, keys(), out);
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
          .filter(LlmCacheTransfer::isKey)
          .sorted()
          .toList();
    }
  }

  /** Reads an export into this cache (see {@link LlmCacheTransfer#importInto}). */
  public LlmCacheTransfer.Imported importFrom(java.io.BufferedReader in, String source)
      throws IOException {
    return LlmCacheTransfer.importInto(this, in, source);
  }

  private Path file(String key) {
    if (!LlmCacheTransfer.isKey(key)) {
      throw new IllegalArgumentException("not a cache key: " + key);
    }
    return directory.resolve(key.substring(0, 2)).resolve(key + ".json");
  }
}
