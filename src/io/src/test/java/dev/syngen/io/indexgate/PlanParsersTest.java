package dev.syngen.io.indexgate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.syngen.core.indexgate.PlanStats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plans as PostgreSQL and MariaDB print them, read into Sort nodes, scans, indexes and blocks. */
class PlanParsersTest {
  @Test
  void aPostgresPlanCountsSortsScansIndexesAndTheTopNodesBlocks() {
    String plan =
        """
        [{"Plan": {"Node Type": "Sort", "Shared Hit Blocks": 120, "Shared Read Blocks": 7,
           "Plans": [{"Node Type": "Nested Loop", "Plans": [
             {"Node Type": "Bitmap Heap Scan", "Plans": [
               {"Node Type": "Bitmap Index Scan", "Index Name": "members_user_idx"}]},
             {"Node Type": "Limit", "Plans": [{"Node Type": "Incremental Sort", "Plans": [
               {"Node Type": "Index Only Scan", "Index Name": "messages_conv_idx"},
               {"Node Type": "Seq Scan"}]}]}]}]},
          "Planning Time": 0.25, "Execution Time": 1.5}]
        """;
    PlanStats s = PlanParsers.postgres(plan, 7);
    assertEquals(2, s.sortNodes());
    assertEquals(Map.of("bitmap", 1, "index_only", 1, "seq", 1), s.scans());
    assertEquals(List.of("members_user_idx", "messages_conv_idx"), s.indexes());
    assertEquals(120, s.sharedHit());
    assertEquals(7, s.sharedRead());
    assertEquals(0.25, s.planningMs());
    assertEquals(1.5, s.executionMs());
    assertEquals(7, s.rows());
  }

  @Test
  void aMariaDbPlanCountsFilesortsAccessTypesAndPages() {
    String plan =
        """
        {"query_optimization": {"r_total_time_ms": 0.3},
         "query_block": {"select_id": 1, "r_total_time_ms": 2.5, "nested_loop": [
           {"read_sorted_file": {"filesort": {"sort_key": "t.b", "table": {
             "table_name": "t", "access_type": "ALL", "r_engine_stats": {"pages_accessed": 40, "pages_read_count": 4}}}}},
           {"table": {"table_name": "m", "access_type": "ref", "key": "m_conv_idx", "using_index": true,
             "r_engine_stats": {"pages_accessed": 10}}},
           {"table": {"table_name": "c", "access_type": "eq_ref", "key": "PRIMARY"}}]}}
        """;
    PlanStats s = PlanParsers.mariadb(plan, 3);
    assertEquals(1, s.sortNodes());
    assertEquals(Map.of("seq", 1, "index_only", 1, "index", 1), s.scans());
    assertEquals(List.of("m_conv_idx", "PRIMARY"), s.indexes());
    assertEquals(46, s.sharedHit());
    assertEquals(4, s.sharedRead());
    assertEquals(0.3, s.planningMs());
    assertEquals(2.5, s.executionMs());
  }

  @Test
  void textThatIsNotJsonIsAClearError() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> PlanParsers.postgres("Seq Scan on t", 0));
    assertEquals(true, e.getMessage().startsWith("the database returned a plan that is not JSON"));
  }
}
