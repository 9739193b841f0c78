package dev.syngen.io.file;

import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.sink.EntityWriter;
import dev.syngen.io.encode.ByteBuf;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * One entity's rows into its file: batches are encoded on worker threads, then appended in row
 * order. With rotation or audit on, record boundaries decide where a file ends and when an audit
 * line is due, so both depend only on the data, never on batch size or parallelism.
 */
final class FileWriter implements EntityWriter<FileChunk> {
  /** The most a batch's buffer starts with; wider or bigger batches grow it as they are encoded. */
  private static final int MAX_INITIAL_BYTES = 8 << 20;

  private final TextFormat format;
  private final FileOptions options;
  private final RotatingFile file;
  private final AuditLog audit;
  private long auditFrom;

  FileWriter(
      TextFormat format, FileOptions options, RotatingFile file, AuditLog audit, long startRow) {
    this.format = format;
    this.options = options;
    this.file = file;
    this.audit = audit;
    this.auditFrom = startRow;
  }

  /**
   * Arrays of chunks already written, for the next chunks to encode into: a batch's text is about a
   * megabyte, which allocated and zeroed anew for every batch cost more than encoding it (and with
   * G1, a region of its own per batch). At most {@value #SPARES} are kept.
   */
  private final ArrayBlockingQueue<byte[]> spares = new ArrayBlockingQueue<>(SPARES);

  private static final int SPARES = 16;

  @Override
  public boolean retainsBatch() {
    return false; // a chunk is bytes
  }

  @Override
  public FileChunk encode(RowBatch batch) {
    byte[] spare = spares.poll();
    long guess = (long) batch.size() * batch.columnCount() * 24;
    ByteBuf buf =
        spare != null ? new ByteBuf(spare) : new ByteBuf((int) Math.min(guess, MAX_INITIAL_BYTES));
    int[] ends = options.needsBoundaries() ? new int[batch.size()] : null;
    format.encode(batch, buf, ends);
    return new FileChunk(batch.firstRow(), buf.data, buf.size, ends);
  }

  @Override
  public long encodedBytes(FileChunk chunk) {
    return chunk.size();
  }

  @Override
  public void write(FileChunk chunk) {
    int[] ends = chunk.ends();
    if (ends == null) {
      file.write(chunk.data(), 0, chunk.size());
      spares.offer(chunk.data()); // written: its array serves a later chunk
      return;
    }
    int segment = 0;
    for (int i = 0; i < ends.length; i++) {
      int start = i == 0 ? 0 : ends[i - 1];
      if (file.full(start - segment, ends[i] - start)) {
        file.write(chunk.data(), segment, start);
        segment = start;
        Path full = file.path();
        Path rotated = file.rotate();
        if (audit != null) {
          audit.rotated(full, rotated);
        }
      }
      long row = chunk.firstRow() + i;
      if (audit != null && (row + 1) % options.auditEvery() == 0) {
        file.write(chunk.data(), segment, ends[i]);
        segment = ends[i];
        audit.records(auditFrom, row, file.path(), file.size());
        auditFrom = row + 1;
      }
    }
    file.write(chunk.data(), segment, chunk.size());
    spares.offer(chunk.data()); // written: its array serves a later chunk
  }

  @Override
  public void endOfEntity(long rows) {
    if (audit != null) {
      if (auditFrom < rows) {
        audit.records(auditFrom, rows - 1, file.path(), file.size());
      }
      audit.complete(rows);
    }
  }

  @Override
  public void finish() {
    file.flush();
  }

  @Override
  public void close() {
    try {
      file.close();
    } finally {
      if (audit != null) {
        audit.close();
      }
    }
  }
}
