package dev.syngen.io.file;

import dev.syngen.core.engine.RowBatch;
import dev.syngen.core.plan.CompiledColumn;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.io.encode.ByteBuf;
import dev.syngen.io.encode.JsonRecords;

/** Newline-delimited JSON: one object per row, keys in column order, timestamps as ISO strings. */
final class NdjsonFormat implements TextFormat {
  @Override
  public String extension() {
    return ".ndjson";
  }

  @Override
  public byte[] header(CompiledEntity entity) {
    return new byte[0];
  }

  @Override
  public String checkExisting(CompiledEntity entity, String firstLine) {
    StringBuilder prefix = new StringBuilder("{");
    CompiledColumn first = entity.columns().get(0);
    prefix.append('"').append(first.name()).append("\":");
    return firstLine.startsWith(prefix.toString())
        ? null
        : "its records do not start with the entity's first column '" + first.name() + "'";
  }

  @Override
  public void encode(RowBatch b, ByteBuf out, int[] ends) {
    JsonRecords json = new JsonRecords(b.entity());
    for (int r = 0; r < b.size(); r++) {
      json.row(b, r, out);
      out.put((byte) '\n');
      if (ends != null) {
        ends[r] = out.size;
      }
    }
  }
}
