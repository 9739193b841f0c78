package dev.syngen.server.interfaces.console;

import dev.syngen.server.interfaces.view.RunView;
import java.util.List;

/** One page of the run history: its runs, which page it is and how many runs there are. */
public record RunPage(List<RunView> runs, int page, int size, long total) {
  public int pages() {
    return (int) Math.max(1, (total + size - 1) / size);
  }

  public boolean hasPrevious() {
    return page > 1;
  }

  public boolean hasNext() {
    return page < pages();
  }
}
