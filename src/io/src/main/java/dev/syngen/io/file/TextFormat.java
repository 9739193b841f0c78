package dev.syngen.io.file;

import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.io.encode.ByteBuf;

/** How one file kind lays out rows: file extension, optional header, and row encoding. */
interface TextFormat {
  String extension();

  /** Bytes written at the start of a new file (a CSV header), possibly empty. */
  byte[] header(CompiledEntity entity);

  /**
   * Checks the first line of an existing file against the entity; returns null if compatible or a
   * description of the mismatch.
   */
  String checkExisting(CompiledEntity entity, String firstLine);

  /**
   * Appends the batch's rows; when {@code ends} is not null, {@code ends[r]} receives the buffer
   * position after row {@code r} (for rotation and audit at record boundaries).
   */
  void encode(dev.syngen.core.engine.RowBatch batch, ByteBuf out, int[] ends);

  /** The batch's rows as one byte chunk. */
  default byte[] bytes(dev.syngen.core.engine.RowBatch batch) {
    ByteBuf buf = new ByteBuf(batch.size() * batch.columnCount() * 16);
    encode(batch, buf, null);
    return buf.toArray();
  }
}
