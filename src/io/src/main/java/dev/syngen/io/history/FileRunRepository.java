package dev.syngen.io.history;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.engine.RunRepository;
import dev.syngen.core.engine.RunStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Run records as {@code <directory>/<run-id>.json}, replaced atomically on every save. */
public final class FileRunRepository implements RunRepository {
  private final Path directory;
  private ObjectMapper json;

  public FileRunRepository(Path directory) {
    this.directory = directory;
  }

  /** The JSON mapping used for run records (snake_case, ISO instants). */
  public static ObjectMapper mapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(SerializationFeature.INDENT_OUTPUT);
  }

  /** The mapper that reads records, made by the first read: a run only writes its record. */
  private synchronized ObjectMapper reader() {
    if (json == null) {
      json = mapper();
    }
    return json;
  }

  @Override
  public void save(RunRecord run) {
    try {
      Files.createDirectories(directory);
      Path tmp = directory.resolve(run.id() + ".json.tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        RunRecordJson.write(run, out);
      }
      try {
        Files.move(
            tmp,
            file(run.id()),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file(run.id()), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new IllegalStateException(
          "cannot save run " + run.id() + " in " + directory + ": " + e.getMessage(), e);
    }
  }

  private Path file(String id) {
    if (!id.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("'" + id + "' is not a run id");
    }
    return directory.resolve(id + ".json");
  }

  @Override
  public Optional<RunRecord> find(String id) {
    Path f = file(id);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    return Optional.of(read(f));
  }

  private RunRecord read(Path f) {
    try {
      return reader().readValue(f.toFile(), RunRecord.class);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read run record " + f + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<RunRecord> list(int limit, RunStatus status) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<RunRecord> all = new ArrayList<>();
    try (Stream<Path> s = Files.list(directory)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".json")).toList()) {
        RunRecord r = read(f);
        if (status == null || r.status() == status) {
          all.add(r);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + directory + ": " + e.getMessage(), e);
    }
    all.sort(
        Comparator.comparing(RunRecord::createdAt)
            .reversed()
            .thenComparing(RunRecord::id, Comparator.reverseOrder()));
    return all.subList(0, Math.min(limit, all.size()));
  }
}
