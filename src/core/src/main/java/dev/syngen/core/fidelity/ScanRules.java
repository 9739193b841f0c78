package dev.syngen.core.fidelity;

import dev.syngen.core.fidelity.Check.Status;
import dev.syngen.core.scenario.ColumnType;

/**
 * Integrity rules evaluated over a full scan of a table: every row is fed to each rule, which keeps
 * only compact state (hashes, per-group counters), then reports one check.
 */
final class ScanRules {
  private ScanRules() {}

  /** A rule fed row by row; {@code column} indexes refer to the scan's column list. */
  interface Rule {
    void row(String[] values);

    Check result();
  }

  /** Every non-NULL key exists among the parent's keys. */
  static final class ForeignKeyExists implements Rule {
    private final String subject;
    private final String parent;
    private final int column;
    private final LongList parentKeys;
    private long rows;
    private long missing;
    private String example;

    ForeignKeyExists(String subject, String parent, int column, LongList parentKeys) {
      this.subject = subject;
      this.parent = parent;
      this.column = column;
      this.parentKeys = parentKeys;
    }

    @Override
    public void row(String[] values) {
      String v = values[column];
      if (v == null) {
        return;
      }
      rows++;
      if (!parentKeys.contains(Hash64.of(v))) {
        missing++;
        if (example == null) {
          example = v;
        }
      }
    }

    @Override
    public Check result() {
      Status s = missing == 0 ? Status.PASS : Status.FAIL;
      String message =
          s == Status.PASS
              ? "every key exists in " + parent
              : "broken foreign key: "
                  + missing
                  + " of "
                  + rows
                  + " keys have no row in "
                  + parent
                  + ", e.g. '"
                  + example
                  + "'";
      return new Check(
          "fk",
          subject,
          "all keys in " + parent,
          missing + " missing of " + rows,
          null,
          null,
          rows == 0 ? 0 : missing / (double) rows,
          0.0,
          s,
          message,
          null);
    }
  }

  /** No value occurs twice (compared by 64-bit hash). */
  static final class Unique implements Rule {
    private final String subject;
    private final int column;
    private final LongList hashes = new LongList();

    Unique(String subject, int column) {
      this.subject = subject;
      this.column = column;
    }

    @Override
    public void row(String[] values) {
      if (values[column] != null) {
        hashes.add(Hash64.of(values[column]));
      }
    }

    @Override
    public Check result() {
      long repeats = hashes.sorted().repeats();
      Status s = repeats == 0 ? Status.PASS : Status.FAIL;
      String message =
          s == Status.PASS
              ? "no value repeats"
              : "not unique: " + repeats + " of " + hashes.size() + " values repeat an earlier one";
      return new Check(
          "unique",
          subject,
          "no repeats",
          repeats + " repeats of " + hashes.size(),
          null,
          null,
          hashes.size() == 0 ? 0 : repeats / (double) hashes.size(),
          0.0,
          s,
          message,
          null);
    }
  }

  /**
   * Values never decrease within a group (or over the table), in scan order; when {@code strict},
   * they always increase (an equal value is a violation too).
   */
  static final class Monotonic implements Rule {
    private final String subject;
    private final ColumnType type;
    private final int column;
    private final int within; // -1: one group
    private final String groupName;
    private final boolean strict;
    private final LongMap last = new LongMap();
    private long rows;
    private long backwards;
    private String example;

    Monotonic(
        String subject, ColumnType type, int column, int within, String groupName, boolean strict) {
      this.subject = subject;
      this.type = type;
      this.column = column;
      this.within = within;
      this.groupName = groupName;
      this.strict = strict;
    }

    @Override
    public void row(String[] values) {
      String v = values[column];
      if (v == null || (within >= 0 && values[within] == null)) {
        return;
      }
      Double x = Cells.number(type, v);
      if (x == null) {
        return;
      }
      rows++;
      long group = within < 0 ? 0 : Hash64.of(values[within]);
      long bits = Double.doubleToLongBits(x);
      if (last.has(group)) {
        double previous = Double.longBitsToDouble(last.get(group));
        if (x < previous || (strict && x == previous)) {
          backwards++;
          if (example == null) {
            example =
                (within < 0 ? "" : groupName + " " + values[within] + ": ")
                    + v
                    + (x == previous ? " again after " : " after ")
                    + Cells.show(type, previous);
          }
          return; // keep the high-water mark: one step back is one violation
        }
      }
      last.put(group, bits);
    }

    @Override
    public Check result() {
      Status s = backwards == 0 ? Status.PASS : Status.FAIL;
      String scope = within < 0 ? "over the table" : "within each " + groupName;
      String message =
          s == Status.PASS
              ? (strict ? "strictly increases " : "never goes back in time ") + scope
              : "non-monotonic timeline "
                  + scope
                  + ": "
                  + backwards
                  + " of "
                  + rows
                  + (strict
                      ? " values repeat or go backwards, e.g. "
                      : " values go backwards, e.g. ")
                  + example;
      return new Check(
          "monotonic",
          subject,
          (strict ? "strictly increasing " : "non-decreasing ") + scope,
          backwards + " backwards of " + rows,
          null,
          null,
          rows == 0 ? 0 : backwards / (double) rows,
          0.0,
          s,
          message,
          null);
    }
  }

  /** Counts children per parent key, for the children-per-parent shape. */
  static final class ChildCounts implements Rule {
    private final int column;
    private final LongMap counts = new LongMap();

    ChildCounts(int column) {
      this.column = column;
    }

    @Override
    public void row(String[] values) {
      if (values[column] != null) {
        counts.increment(Hash64.of(values[column]));
      }
    }

    /** Children of every parent: the counted ones, and zero for parents never referred to. */
    long[] perParent(long parents) {
      long[] seen = counts.values();
      long zeros = Math.max(0, parents - seen.length);
      long[] out = new long[(int) (seen.length + zeros)];
      System.arraycopy(seen, 0, out, 0, seen.length);
      return out;
    }

    @Override
    public Check result() {
      throw new IllegalStateException("children counts are judged by the relationship check");
    }
  }
}
