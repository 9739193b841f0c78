package dev.syngen.core.schema;

import java.util.List;
import java.util.Map;

/**
 * A scenario drafted from a schema, as document trees with the comment that explains each entity
 * and each column's generator, ready to write as commented YAML; {@code notes} lists what the draft
 * could not copy (unknown types, broken cycles, constraints it did not read).
 */
public record Draft(
    List<String> header,
    Map<String, Object> head,
    List<DraftEntity> entities,
    Map<String, Object> expectations,
    List<String> notes) {
  public Draft {
    header = List.copyOf(header);
    entities = List.copyOf(entities);
    notes = List.copyOf(notes);
  }

  /** An entity: its fields other than columns, and its columns. */
  public record DraftEntity(String comment, Map<String, Object> fields, List<DraftColumn> columns) {
    public DraftEntity {
      columns = List.copyOf(columns);
    }
  }

  /** A column and why its generator was chosen. */
  public record DraftColumn(String why, Map<String, Object> column) {}
}
