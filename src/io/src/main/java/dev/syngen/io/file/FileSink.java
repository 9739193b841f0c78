package dev.syngen.io.file;

import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.Identifiers;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TableMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes each entity to {@code <directory>/<target_table><ext>}. Batches are encoded to bytes on
 * worker threads and appended in row order, so files are byte-identical for any parallelism. Table
 * modes: create_if_missing and append_only append to a compatible existing file;
 * truncate_then_insert replaces it. Options add size rotation and an audit log (see {@link
 * FileOptions}); neither changes the bytes of the data.
 */
public final class FileSink implements Sink {
  private final Path directory;
  private final TextFormat format;
  private final FileOptions options;
  private final Clock clock;
  private TableMode mode = TableMode.CREATE_IF_MISSING;

  FileSink(Path directory, TextFormat format) {
    this(directory, format, FileOptions.NONE, Clock.systemUTC());
  }

  FileSink(Path directory, TextFormat format, FileOptions options, Clock clock) {
    this.directory = directory;
    this.format = format;
    this.options = options;
    this.clock = clock;
  }

  public Path fileOf(CompiledEntity e) {
    return directory.resolve(Identifiers.require(e.table()) + format.extension());
  }

  @Override
  public void prepare(List<CompiledEntity> entities, TableMode mode) {
    this.mode = mode;
    List<String> mismatches = new ArrayList<>();
    if (mode != TableMode.TRUNCATE_THEN_INSERT) {
      for (CompiledEntity e : entities) {
        String first = firstLine(fileOf(e));
        String why = first == null ? null : format.checkExisting(e, first);
        if (why != null) {
          mismatches.add(fileOf(e) + ": " + why);
        }
      }
    }
    if (!mismatches.isEmpty()) {
      throw new SinkException(
          "existing files do not match the scenario (nothing was written): "
              + String.join("; ", mismatches)
              + ". Fix: use --mode truncate_then_insert to replace them, or another directory");
    }
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new SinkException("cannot create directory " + directory + ": " + e.getMessage(), e);
    }
  }

  private static String firstLine(Path f) {
    if (!Files.isRegularFile(f)) {
      return null;
    }
    try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
      return r.readLine();
    } catch (IOException e) {
      throw new SinkException("cannot read " + f + ": " + e.getMessage(), e);
    }
  }

  @Override
  public EntityWriter<FileChunk> open(CompiledEntity entity, long startRow) {
    Path f = fileOf(entity);
    boolean replace = mode == TableMode.TRUNCATE_THEN_INSERT && startRow == 0;
    RotatingFile file =
        new RotatingFile(
            f, format.extension(), format.header(entity), options.rotateBytes(), replace, clock);
    AuditLog audit =
        options.auditEvery() > 0
            ? new AuditLog(
                directory.resolve(Identifiers.require(entity.table()) + ".audit.log"),
                entity.name(),
                clock)
            : null;
    return new FileWriter(format, options, file, audit, startRow);
  }

  @Override
  public void close() {}
}
