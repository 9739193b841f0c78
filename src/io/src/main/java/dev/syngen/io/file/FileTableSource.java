package dev.syngen.io.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syngen.core.fidelity.Reservoir;
import dev.syngen.core.fidelity.TableSource;
import dev.syngen.core.plan.Identifiers;
import dev.syngen.core.sink.SinkException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads CSV and NDJSON tables back from a target directory ({@code <table>.csv} or {@code
 * <table>.ndjson}). Files keep the order rows were written in, which for syngen's own output is row
 * order, so {@code orderBy} is not needed (and not applied) here. Sampling reads the file once and
 * decodes only the rows it keeps.
 */
public final class FileTableSource implements TableSource {
  private final Path directory;
  private final boolean csv;
  private final ObjectMapper json = new ObjectMapper();

  public FileTableSource(String dsn, String kind) {
    this.directory = FileSinkFactory.directory(dsn);
    this.csv = "csv".equals(kind);
  }

  private Path file(String table) {
    Path f = directory.resolve(Identifiers.require(table) + (csv ? ".csv" : ".ndjson"));
    if (!Files.isRegularFile(f)) {
      throw new SinkException(
          "no file " + f + " for table '" + table + "'; was the run written to " + directory + "?");
    }
    return f;
  }

  @Override
  public List<String> columns(String table) {
    Path f = file(table);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16)) {
      if (csv) {
        List<String> header = new ArrayList<>();
        if (!new CsvReader(in).read(header)) {
          throw new SinkException(f + " is empty: it has no header line");
        }
        return header;
      }
      LineReader lines = new LineReader(in);
      byte[] first = lines.next();
      if (first == null) {
        throw new SinkException(f + " is empty: it has no records");
      }
      List<String> names = new ArrayList<>();
      json.readTree(first, 0, lines.length()).fieldNames().forEachRemaining(names::add);
      return names;
    } catch (IOException e) {
      throw new SinkException("cannot read " + f + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Sample sample(String table, List<String> columns, int n, long seed) {
    Reservoir reservoir = new Reservoir(n, seed);
    String[][] kept = new String[n][];
    read(
        table,
        columns,
        new Rows() {
          @Override
          public boolean wanted() {
            slot = reservoir.next();
            return slot >= 0;
          }

          int slot;

          @Override
          public void row(String[] values) {
            kept[slot] = values.clone();
          }
        });
    int size = (int) Math.min(n, reservoir.seen());
    return new Sample(reservoir.seen(), Arrays.asList(Arrays.copyOf(kept, size)));
  }

  @Override
  public void scan(String table, List<String> columns, String orderBy, RowVisitor visitor) {
    read(
        table,
        columns,
        new Rows() {
          @Override
          public boolean wanted() {
            return true;
          }

          @Override
          public void row(String[] values) {
            visitor.row(values);
          }
        });
  }

  /** Decides per row whether to decode it, then receives it. */
  private interface Rows {
    boolean wanted();

    void row(String[] values);
  }

  private void read(String table, List<String> columns, Rows rows) {
    Path f = file(table);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16)) {
      if (csv) {
        readCsv(f, in, columns, rows);
      } else {
        readNdjson(f, in, columns, rows);
      }
    } catch (IOException e) {
      throw new SinkException("cannot read " + f + ": " + e.getMessage(), e);
    }
  }

  private static void readCsv(Path f, InputStream in, List<String> columns, Rows rows)
      throws IOException {
    CsvReader r = new CsvReader(in);
    List<String> fields = new ArrayList<>();
    if (!r.read(fields)) {
      throw new SinkException(f + " is empty: it has no header line");
    }
    int[] idx = new int[columns.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = fields.indexOf(columns.get(i));
      if (idx[i] < 0) {
        throw new SinkException(
            f
                + " has no column '"
                + columns.get(i)
                + "' (header: "
                + String.join(",", fields)
                + ")");
      }
    }
    String[] values = new String[idx.length];
    while (!r.atEnd()) {
      if (!rows.wanted()) {
        r.skip();
        continue;
      }
      r.read(fields);
      for (int i = 0; i < idx.length; i++) {
        values[i] = idx[i] < fields.size() ? fields.get(idx[i]) : null;
      }
      rows.row(values);
    }
  }

  private void readNdjson(Path f, InputStream in, List<String> columns, Rows rows)
      throws IOException {
    LineReader lines = new LineReader(in);
    String[] values = new String[columns.size()];
    long line = 0;
    boolean first = true;
    while (!lines.atEnd()) {
      line++;
      if (!rows.wanted()) {
        lines.skip();
        continue;
      }
      byte[] bytes = lines.next();
      if (bytes == null) {
        return;
      }
      JsonNode node;
      try {
        node = json.readTree(bytes, 0, lines.length());
      } catch (IOException e) {
        throw new SinkException(
            f + " line " + line + " is not a JSON object: " + e.getMessage(), e);
      }
      for (int i = 0; i < values.length; i++) {
        JsonNode v = node.get(columns.get(i));
        if (v == null && first) {
          throw new SinkException(f + " has no field '" + columns.get(i) + "' in its records");
        }
        values[i] = v == null || v.isNull() ? null : v.asText();
      }
      first = false;
      rows.row(values);
    }
  }

  @Override
  public void close() {}
}
