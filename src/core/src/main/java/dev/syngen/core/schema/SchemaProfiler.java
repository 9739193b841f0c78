package dev.syngen.core.schema;

import dev.syngen.core.fidelity.TableSource;
import dev.syngen.core.profile.Profiler;
import dev.syngen.core.profile.TableProfile;
import dev.syngen.core.schema.DbSchema.DbForeignKey;
import dev.syngen.core.schema.DbSchema.DbTable;
import dev.syngen.core.schema.SchemaProfile.Children;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Profiles every table of a schema from a bounded sample (the {@link Profiler}'s privacy rules) and
 * every foreign key's children per parent (an aggregate over the whole child table).
 */
public final class SchemaProfiler {
  /** Parents per count of children for one foreign key; the database computes it. */
  public interface ChildCounts {
    Map<Long, Long> histogram(String table, List<String> columns);
  }

  private final int k;
  private final int sample;

  public SchemaProfiler(int k, int sample) {
    this.k = k;
    this.sample = sample;
  }

  public SchemaProfile profile(DbSchema schema, TableSource source, ChildCounts counts) {
    Profiler profiler = new Profiler(k, sample, 0, 42);
    List<TableProfile> tables = new ArrayList<>();
    List<Children> relationships = new ArrayList<>();
    for (DbTable t : schema.tables()) {
      tables.add(profiler.profile(source, t.name()));
      for (DbForeignKey fk : t.foreignKeys()) {
        DbTable parent = schema.table(fk.parent()).orElse(null);
        if (parent == null) {
          continue;
        }
        relationships.add(
            ChildrenCounts.of(
                t.name(),
                fk.columns(),
                fk.parent(),
                parent.rows(),
                counts.histogram(t.name(), fk.columns()),
                k));
      }
    }
    return new SchemaProfile(schema.dialect(), schema.name(), k, tables, relationships);
  }
}
