package dev.syngen.io.file;

import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.Identifiers;
import dev.syngen.core.plan.Shard;
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
 * Writes each entity to {@code <directory>/<target_table><ext>}, or, as shard I of N, to the part
 * {@code <target_table>.part-0000I-of-0000N<ext>} (only part 0 starts with the CSV header, so the
 * parts concatenated in name order are byte for byte the unsharded file). Batches are encoded to
 * bytes on worker threads and appended in row order, so files are byte-identical for any
 * parallelism. Table modes: create_if_missing and append_only append to a compatible existing file;
 * truncate_then_insert replaces it. Options add size rotation and an audit log (see {@link
 * FileOptions}); neither changes the bytes of the data.
 */
public final class FileSink implements Sink {
  private final Path directory;
  private final TextFormat format;
  private final FileOptions options;
  private final Clock clock;
  private final Shard shard;
  private TableMode mode = TableMode.CREATE_IF_MISSING;

  FileSink(Path directory, TextFormat format) {
    this(directory, format, FileOptions.NONE, Clock.systemUTC(), Shard.WHOLE);
  }

  FileSink(Path directory, TextFormat format, FileOptions options, Clock clock, Shard shard) {
    this.directory = directory;
    this.format = format;
    this.options = options;
    this.clock = clock;
    this.shard = shard;
  }

  public Path fileOf(CompiledEntity e) {
    return directory.resolve(stem(e) + format.extension());
  }

  /** The file name without extension: the table, and the part when this is a shard. */
  private String stem(CompiledEntity e) {
    String table = Identifiers.require(e.table());
    return shard.isWhole() ? table : table + shard.partSuffix();
  }

  /** The header this file starts with: a later part has none, so parts concatenate cleanly. */
  private byte[] header(CompiledEntity e) {
    return shard.index() == 0 ? format.header(e) : new byte[0];
  }

  @Override
  public void prepare(List<CompiledEntity> entities, TableMode mode) {
    this.mode = mode;
    List<String> mismatches = new ArrayList<>();
    if (mode != TableMode.TRUNCATE_THEN_INSERT) {
      for (CompiledEntity e : entities) {
        if (header(e).length != format.header(e).length) {
          continue; // a headerless part has no header to compare
        }
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
            f, format.extension(), header(entity), options.rotateBytes(), replace, clock);
    AuditLog audit =
        options.auditEvery() > 0
            ? new AuditLog(directory.resolve(stem(entity) + ".audit.log"), entity.name(), clock)
            : null;
    return new FileWriter(format, options, file, audit, startRow);
  }

  @Override
  public void close() {}
}
