package dev.syngen.io.file;

import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.plan.Identifiers;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.core.sink.Sink;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TableMode;
import dev.syngen.io.encode.ByteBuf;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes each entity to {@code <directory>/<target_table><ext>}. Batches are encoded to bytes on
 * worker threads and appended in row order, so files are byte-identical for any parallelism. Table
 * modes: create_if_missing and append_only append to a compatible existing file;
 * truncate_then_insert replaces it.
 */
public final class FileSink implements Sink {
  private final Path directory;
  private final TextFormat format;
  private TableMode mode = TableMode.CREATE_IF_MISSING;

  FileSink(Path directory, TextFormat format) {
    this.directory = directory;
    this.format = format;
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
  public EntityWriter<byte[]> open(CompiledEntity entity, long startRow) {
    Path f = fileOf(entity);
    boolean replace = mode == TableMode.TRUNCATE_THEN_INSERT && startRow == 0;
    try {
      boolean fresh = replace || !Files.isRegularFile(f) || Files.size(f) == 0;
      OutputStream out =
          replace
              ? Files.newOutputStream(f)
              : Files.newOutputStream(f, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      if (fresh) {
        out.write(format.header(entity));
      }
      return new Writer(f, out);
    } catch (IOException e) {
      throw new SinkException("cannot open " + f + " for writing: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {}

  private final class Writer implements EntityWriter<byte[]> {
    private final Path file;
    private final OutputStream out;

    Writer(Path file, OutputStream out) {
      this.file = file;
      this.out = out;
    }

    @Override
    public byte[] encode(RowBatch batch) {
      ByteBuf buf = new ByteBuf(batch.size() * batch.columnCount() * 16);
      format.encode(batch, buf);
      return buf.toArray();
    }

    @Override
    public void write(byte[] chunk) {
      try {
        out.write(chunk);
      } catch (IOException e) {
        throw new SinkException("cannot write " + file + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void finish() {
      try {
        out.flush();
      } catch (IOException e) {
        throw new SinkException("cannot flush " + file + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void close() {
      try {
        out.close();
      } catch (IOException e) {
        throw new SinkException("cannot close " + file + ": " + e.getMessage(), e);
      }
    }
  }
}
