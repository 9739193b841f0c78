package dev.syngen.server.application.run;

import dev.syngen.core.engine.RunStatus;
import java.time.Instant;
import java.util.List;

/**
 * Which runs of the history to list and in what order: every filter is optional (null matches all);
 * scenario, target and user match a part of the id, ignoring case; {@code from} and {@code to}
 * bound the creation time (from inclusive, to exclusive). {@code sort} is one of {@link #SORTABLE},
 * anything else sorts by creation time; ties break by id so pages never overlap.
 */
public record RunQuery(
    RunStatus status,
    String scenario,
    String target,
    String user,
    Instant from,
    Instant to,
    String sort,
    boolean ascending,
    int offset,
    int limit) {
  /** The fields a list may be sorted by. */
  public static final List<String> SORTABLE =
      List.of("createdAt", "status", "scenarioId", "targetId", "createdBy", "id");

  public static final int MAX_LIMIT = 500;

  public RunQuery {
    scenario = blankToNull(scenario);
    target = blankToNull(target);
    user = blankToNull(user);
    sort = sort != null && SORTABLE.contains(sort) ? sort : "createdAt";
    offset = Math.max(0, offset);
    limit = Math.max(1, Math.min(MAX_LIMIT, limit));
  }

  /** The newest runs first, unfiltered. */
  public static RunQuery newest(int offset, int limit) {
    return new RunQuery(null, null, null, null, null, null, "createdAt", false, offset, limit);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
