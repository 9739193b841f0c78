package dev.syngen.server.interfaces.view;

import dev.syngen.core.sink.Redactor;
import dev.syngen.server.application.batch.PartitionProgress;

/**
 * One partition of a batch run: its rows {@code [firstRow, lastRow]}, how many are written, and the
 * server ({@code <Liberty server>@<host>}) that wrote them, with the error it recorded if a chunk
 * failed, and how many of its chunks a dispatcher sent again to executors (redispatched: none
 * reported them written in time, e.g. the executor that took them died).
 */
public record PartitionView(
    String entity,
    long firstRow,
    long rowsWritten,
    long bytesWritten,
    String server,
    String error,
    int redispatchedChunks) {
  static PartitionView of(PartitionProgress p) {
    return new PartitionView(
        p.entity(),
        p.firstRow(),
        p.nextRow() - p.firstRow(),
        p.bytes(),
        p.server(),
        Redactor.text(p.error()),
        p.redispatched());
  }
}
