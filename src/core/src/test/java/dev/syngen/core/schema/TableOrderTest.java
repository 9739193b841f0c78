package dev.syngen.core.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.scenario.ColumnType;
import dev.syngen.core.schema.DbSchema.DbColumn;
import dev.syngen.core.schema.DbSchema.DbForeignKey;
import dev.syngen.core.schema.DbSchema.DbTable;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Parents first; a cycle is broken at a nullable key, or refused naming its tables. */
class TableOrderTest {
  private static DbColumn col(String name, boolean notNull) {
    return new DbColumn(
        name, "int", Optional.of(ColumnType.INT), notNull, null, false, null, null, List.of());
  }

  private static DbTable table(String name, List<DbColumn> cols, DbForeignKey... fks) {
    return new DbTable(name, cols, List.of("id"), List.of(), List.of(fks), List.of(), 10, false);
  }

  @Test
  void breaksATwoTableCycleAtItsNullableKeyAndIgnoresSelfReferences() {
    DbForeignKey head = new DbForeignKey("fk_head", List.of("head_id"), "employees", List.of("id"));
    DbForeignKey dept =
        new DbForeignKey("fk_dept", List.of("dept_id"), "departments", List.of("id"));
    DbForeignKey boss = new DbForeignKey("fk_boss", List.of("boss_id"), "employees", List.of("id"));
    DbTable employees =
        table(
            "employees",
            List.of(col("id", true), col("dept_id", true), col("boss_id", false)),
            dept,
            boss);
    DbTable departments =
        table("departments", List.of(col("id", true), col("head_id", false)), head);
    DbTable badges =
        table(
            "badges",
            List.of(col("id", true), col("emp_id", true)),
            new DbForeignKey("fk_emp", List.of("emp_id"), "employees", List.of("id")));

    TableOrder o = new TableOrder(List.of(badges, employees, departments));

    assertEquals(
        List.of("departments", "employees", "badges"),
        o.ordered().stream().map(DbTable::name).toList());
    assertEquals(1, o.broken().size());
    assertTrue(o.broken().containsKey(head), o.broken().toString());
  }

  @Test
  void aCycleWithoutANullableKeyIsRefusedNamingItsTables() {
    DbTable a =
        table(
            "a",
            List.of(col("id", true), col("b_id", true)),
            new DbForeignKey("fk_a", List.of("b_id"), "b", List.of("id")));
    DbTable b =
        table(
            "b",
            List.of(col("id", true), col("a_id", true)),
            new DbForeignKey("fk_b", List.of("a_id"), "a", List.of("id")));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new TableOrder(List.of(a, b)));
    assertTrue(e.getMessage().contains("a, b"), e.getMessage());
    assertTrue(e.getMessage().contains("--exclude"), e.getMessage());
  }
}
