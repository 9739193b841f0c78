package dev.syngen.io.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.syngen.core.corpus.Corpus;
import dev.syngen.core.corpus.CorpusAdmission;
import dev.syngen.core.corpus.CorpusAdmission.Admission;
import dev.syngen.core.corpus.CorpusCatalog;
import dev.syngen.core.corpus.CorpusEvent;
import dev.syngen.core.corpus.CorpusNames;
import dev.syngen.core.corpus.CorpusRules;
import dev.syngen.core.corpus.CorpusSource;
import dev.syngen.core.corpus.CorpusStatus;
import dev.syngen.core.problem.Problems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The command line's corpora: {@code <dir>/<name>.txt} or {@code .csv} holding the values as they
 * were added, beside {@code <dir>/<name>.json} holding how they are read, the content hash and the
 * lifecycle history. Only ready corpora are written: a rejected file leaves the directory as it
 * was. Corpora are read again (and checked again) when a process first asks for them.
 */
public final class CorpusDirectory implements CorpusCatalog {
  private final Path dir;
  private final Clock clock;

  /**
   * Made when a corpus is first written or read: a run without corpora never loads data binding.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final Map<String, Optional<Corpus>> loaded = new ConcurrentHashMap<>();

  public CorpusDirectory(Path dir) {
    this(dir, Clock.systemUTC());
  }

  public CorpusDirectory(Path dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
  }

  public Path directory() {
    return dir;
  }

  /**
   * Admits {@code bytes} as corpus {@code name} and, when ready, stores it (replacing one of that
   * name only if {@code replace}). Throws a ValidationException with every problem otherwise.
   */
  public StoredCorpus add(
      String name,
      String fileName,
      byte[] bytes,
      CorpusSource source,
      CorpusRules rules,
      boolean replace) {
    Problems problems = new Problems();
    CorpusNames.check(name, "name", problems);
    if (problems.isEmpty() && !replace && Files.exists(meta(name))) {
      problems.add(
          "name",
          "a corpus named '" + name + "' exists already",
          "remove it first (syngen corpus rm " + name + ") or add with --replace");
    }
    problems.throwIfAny("corpus '" + name + "'");
    Admission a = CorpusAdmission.admit(name, bytes, source, rules);
    if (!a.ready()) {
      Problems rejected = new Problems();
      a.problems().forEach(p -> rejected.add(p.path(), p.message(), p.fix()));
      rejected.throwIfAny("corpus '" + name + "' (" + fileName + ") is rejected");
    }
    Instant now = clock.instant();
    List<StoredCorpus.Step> history = new ArrayList<>();
    a.events().forEach(e -> history.add(new StoredCorpus.Step(now, e)));
    String file = name + (source.csv() ? ".csv" : ".txt");
    StoredCorpus stored =
        new StoredCorpus(
            name,
            file,
            source,
            rules.allowPersonalData(),
            CorpusStatus.READY,
            a.corpus().hash(),
            a.corpus().content().size(),
            a.corpus().content().distinct(),
            history);
    try {
      Files.createDirectories(dir);
      remove(name);
      write(dir.resolve(file), bytes);
      write(
          meta(name),
          Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson(stored)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write corpus '" + name + "' to " + dir, e);
    }
    loaded.remove(name);
    return stored;
  }

  /** The records of every stored corpus, by name. */
  public List<StoredCorpus> list() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".json"))
          .sorted()
          .map(this::readMeta)
          .flatMap(Optional::stream)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list corpora in " + dir, e);
    }
  }

  /** The record of {@code name}. */
  public Optional<StoredCorpus> record(String name) {
    return CorpusNames.isSafe(name) ? readMeta(meta(name)) : Optional.empty();
  }

  /** Deletes corpus {@code name}; false if there was none. */
  public boolean remove(String name) throws IOException {
    if (!CorpusNames.isSafe(name)) {
      return false;
    }
    boolean had = Files.deleteIfExists(meta(name));
    Files.deleteIfExists(dir.resolve(name + ".txt"));
    Files.deleteIfExists(dir.resolve(name + ".csv"));
    loaded.remove(name);
    return had;
  }

  @Override
  public Optional<Corpus> find(String name) {
    if (!CorpusNames.isSafe(name)) {
      return Optional.empty();
    }
    return loaded.computeIfAbsent(name, this::load);
  }

  @Override
  public Collection<String> names() {
    TreeSet<String> names = new TreeSet<>();
    list().forEach(c -> names.add(c.name()));
    return names;
  }

  private Optional<Corpus> load(String name) {
    Optional<StoredCorpus> r = record(name);
    if (r.isEmpty()) {
      return Optional.empty();
    }
    try {
      byte[] bytes = Files.readAllBytes(dir.resolve(r.get().file()));
      Admission a =
          CorpusAdmission.admit(
              name,
              bytes,
              r.get().source(),
              CorpusRules.DEFAULTS
                  .allowingPersonalData(r.get().allowPersonalData())
                  .withMaxBytes(Math.max(CorpusRules.DEFAULTS.maxBytes(), bytes.length)));
      return Optional.ofNullable(a.corpus());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private Path meta(String name) {
    return dir.resolve(name + ".json");
  }

  private static void write(Path target, byte[] bytes) throws IOException {
    Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
    try {
      Files.write(tmp, bytes);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private ObjectNode toJson(StoredCorpus c) {
    ObjectNode o = Json.MAPPER.createObjectNode();
    o.put("name", c.name());
    o.put("file", c.file());
    o.put("format", c.source().format());
    o.put("column", c.source().column());
    o.put("weights_column", c.source().weightsColumn());
    o.put("allow_personal_data", c.allowPersonalData());
    o.put("status", c.status().label());
    o.put("sha256", c.hash());
    o.put("size", c.size());
    o.put("distinct", c.distinct());
    ArrayNode h = o.putArray("history");
    for (StoredCorpus.Step s : c.history()) {
      h.addObject()
          .put("at", s.at().toString())
          .put("status", s.event().status().label())
          .put("detail", s.event().detail());
    }
    return o;
  }

  private Optional<StoredCorpus> readMeta(Path file) {
    try {
      JsonNode n = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
      List<StoredCorpus.Step> history = new ArrayList<>();
      for (JsonNode s : n.path("history")) {
        history.add(
            new StoredCorpus.Step(
                Instant.parse(s.path("at").asText()),
                new CorpusEvent(status(s.path("status").asText()), s.path("detail").asText(""))));
      }
      return Optional.of(
          new StoredCorpus(
              n.path("name").asText(),
              n.path("file").asText(),
              new CorpusSource(
                  n.path("format").asText("text"), text(n, "column"), text(n, "weights_column")),
              n.path("allow_personal_data").asBoolean(false),
              status(n.path("status").asText("ready")),
              n.path("sha256").asText(""),
              n.path("size").asInt(0),
              n.path("distinct").asInt(0),
              history));
    } catch (java.nio.file.NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "corpus record " + file + " is unreadable (" + e.getMessage() + "); remove it", e);
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static CorpusStatus status(String label) {
    return CorpusStatus.valueOf(label.toUpperCase(java.util.Locale.ROOT));
  }
}
