package dev.syngen.server.interfaces.console;

import dev.syngen.server.application.run.RunQuery;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The runs table's rows, read a page at a time from the run history: the database pages, sorts and
 * filters (the filters come from the page's filter form, the sort from the table's headers), so the
 * table costs the same with 25 runs as with 10,000.
 */
public class RunHistoryModel extends LazyDataModel<RunRow> {
  private static final long serialVersionUID = 1L;

  /** The filters of the query; paging and sorting come from the table. */
  public interface Filters {
    RunQuery query(String sort, boolean ascending, int offset, int limit);
  }

  private final ConsoleFacade facade;
  private final Filters filters;
  private List<RunRow> page = List.of();

  public RunHistoryModel(ConsoleFacade facade, Filters filters) {
    this.facade = facade;
    this.filters = filters;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) Math.min(Integer.MAX_VALUE, facade.countRuns(filters.query(null, false, 0, 1)));
  }

  @Override
  public List<RunRow> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    SortMeta sort = sortBy == null ? null : sortBy.values().stream().findFirst().orElse(null);
    boolean ascending = sort != null && sort.getOrder() == SortOrder.ASCENDING;
    String field = sort == null || sort.getOrder() == SortOrder.UNSORTED ? null : sort.getField();
    page = facade.runs(filters.query(sortField(field), ascending, first, pageSize));
    return page;
  }

  /** The history's field for a column's sort expression ({@code run.createdAt}, {@code user}). */
  static String sortField(String field) {
    if (field == null) {
      return "createdAt";
    }
    String last = field.substring(field.lastIndexOf('.') + 1);
    return "user".equals(last) ? "createdBy" : last;
  }

  @Override
  public String getRowKey(RunRow row) {
    return row.run().id();
  }

  @Override
  public RunRow getRowData(String rowKey) {
    Supplier<RunRow> fromHistory = () -> new RunRow(facade.run(rowKey), null);
    return page.stream()
        .filter(r -> r.run().id().equals(rowKey))
        .findFirst()
        .orElseGet(fromHistory);
  }
}
