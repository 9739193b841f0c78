package dev.syngen.io;

import dev.syngen.core.fidelity.TableSource;
import dev.syngen.core.schema.DbSchema;
import dev.syngen.core.schema.Draft;
import dev.syngen.core.schema.DraftRequest;
import dev.syngen.core.schema.SchemaDrafter;
import dev.syngen.core.schema.SchemaProfile;
import dev.syngen.core.schema.SchemaProfiler;
import dev.syngen.io.jdbc.CopyDdl;
import dev.syngen.io.jdbc.SchemaReader;
import dev.syngen.io.yaml.DraftYaml;
import java.time.Duration;
import java.util.List;

/**
 * Drafts a scenario from an existing database: reads the catalogue, profiles a bounded sample of
 * every selected table and the children per parent of every foreign key, drafts the scenario, and
 * writes the DDL of an empty copy. The one path the CLI, REST and console share.
 */
public final class DatabaseDraft {
  /** The draft as YAML, the schema read, its profile, the copy's DDL, the notes, the timings. */
  public record Result(
      String id,
      String yaml,
      DbSchema schema,
      SchemaProfile profile,
      List<String> ddl,
      List<String> notes,
      long readMillis,
      long sampleMillis,
      long draftMillis) {}

  private DatabaseDraft() {}

  public static Result run(String kind, String dsn, DraftRequest r, Duration countLimit) {
    return run(kind, dsn, r, countLimit, Integer.MAX_VALUE);
  }

  /**
   * Drafts from at most {@code maxTables} tables; each count and children-per-parent query is
   * bounded by {@code countLimit} (four times that for the latter).
   */
  public static Result run(
      String kind, String dsn, DraftRequest r, Duration countLimit, int maxTables) {
    long t0 = System.nanoTime();
    try (SchemaReader reader = SchemaReader.open(kind, dsn, r.schema()).countLimit(countLimit)) {
      DbSchema schema = reader.read(r.include(), r.exclude(), maxTables);
      long t1 = System.nanoTime();
      SchemaProfile profile;
      try (TableSource source = reader.tables()) {
        profile = new SchemaProfiler(r.k(), r.sample()).profile(schema, source, reader);
      }
      long t2 = System.nanoTime();
      String id = r.idOr(schema.name());
      Draft draft = new SchemaDrafter(schema, profile, r.onUnknown()).draft(id);
      String yaml = DraftYaml.write(draft);
      String copy = r.copySchema() != null ? r.copySchema() : schema.name() + "_copy";
      List<String> ddl =
          CopyDdl.statements(schema, copy, r.onUnknown() == SchemaDrafter.OnUnknown.SKIP);
      long t3 = System.nanoTime();
      return new Result(
          id,
          yaml,
          schema,
          profile,
          ddl,
          draft.notes(),
          (t1 - t0) / 1_000_000,
          (t2 - t1) / 1_000_000,
          (t3 - t2) / 1_000_000);
    }
  }
}
