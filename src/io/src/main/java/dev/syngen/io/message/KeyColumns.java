package dev.syngen.io.message;

import dev.syngen.core.plan.CompiledColumn;
import dev.syngen.core.plan.CompiledEntity;
import dev.syngen.core.sink.SinkException;
import java.util.List;
import java.util.Map;

/**
 * Which column keys an entity's records: {@code key_column.<entity>} if set (it must exist), else
 * {@code key_column} where the entity has it, else the entity's first column; {@code none} for no
 * key.
 */
public final class KeyColumns {
  public static final String NONE = "none";

  private final String common;
  private final Map<String, String> perEntity;

  public KeyColumns(String common, Map<String, String> perEntity) {
    this.common = common;
    this.perEntity = Map.copyOf(perEntity);
  }

  /** The column index for an entity, or -1 for unkeyed records. */
  public int indexOf(CompiledEntity e) {
    String own = perEntity.get(e.name());
    if (own != null) {
      if (own.equals(NONE)) {
        return -1;
      }
      int i = find(e, own);
      if (i < 0) {
        throw new SinkException(
            "options.key_column."
                + e.name()
                + " names column '"
                + own
                + "', which entity '"
                + e.name()
                + "' does not have; use one of "
                + e.columns().stream().map(CompiledColumn::name).toList());
      }
      return i;
    }
    if (NONE.equals(common)) {
      return -1;
    }
    int i = common == null ? -1 : find(e, common);
    return i >= 0 ? i : 0;
  }

  /** Fails when {@code key_column} is set but no entity has that column (a likely typo). */
  public void check(List<CompiledEntity> entities) {
    perEntity.keySet().stream()
        .filter(name -> entities.stream().noneMatch(e -> e.name().equals(name)))
        .findFirst()
        .ifPresent(
            name -> {
              throw new SinkException(
                  "options.key_column." + name + " names an entity this run does not write");
            });
    entities.forEach(this::indexOf);
    if (common != null
        && !common.equals(NONE)
        && entities.stream().noneMatch(e -> find(e, common) >= 0)) {
      throw new SinkException(
          "options.key_column '"
              + common
              + "' is a column of none of the entities this run writes");
    }
  }

  private static int find(CompiledEntity e, String column) {
    List<CompiledColumn> cols = e.columns();
    for (int i = 0; i < cols.size(); i++) {
      if (cols.get(i).name().equals(column)) {
        return i;
      }
    }
    return -1;
  }
}
