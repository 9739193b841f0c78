package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.ColumnRef;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.expr.ExpressionException;
import dev.syngen.core.generate.expr.Node;
import dev.syngen.core.generate.expr.Type;
import dev.syngen.core.random.CellRandom;
import java.util.function.LongUnaryOperator;

/** Expression nodes that read another column's cell, recomputed from its generator. */
final class ColumnNodes {
  private ColumnNodes() {}

  /**
   * A node reading {@code ref} at the row {@code map} gives for this row; NULL exactly where the
   * referenced column's own output is NULL.
   */
  static Node read(ColumnRef ref, LongUnaryOperator map, int position) {
    Type type =
        switch (ref.type().kind()) {
          case LONG -> Type.LONG;
          case DOUBLE -> Type.DOUBLE;
          case BOOL -> Type.BOOL;
          case STRING -> Type.STRING;
          case TIMESTAMP -> Type.TIMESTAMP;
          case DATE -> Type.DATE;
          case UUID ->
              throw new ExpressionException(
                  position,
                  "'"
                      + ref.column()
                      + "' is a uuid column; expressions read numbers, text, booleans"
                      + " and times");
        };
    return new Cell(type, ref.generator(), ref.key(), ref.nullRate(), map);
  }

  private static final class Cell extends Node {
    private final Generator g;
    private final long key;
    private final double nullRate;
    private final LongUnaryOperator map;

    Cell(Type type, Generator g, long key, double nullRate, LongUnaryOperator map) {
      super(type, nullRate > 0);
      this.g = g;
      this.key = key;
      this.nullRate = nullRate;
      this.map = map;
    }

    @Override
    public long longAt(long row) {
      return g.longAt(key, map.applyAsLong(row));
    }

    @Override
    public double doubleAt(long row) {
      long r = map.applyAsLong(row);
      return type() == Type.DOUBLE ? g.doubleAt(key, r) : g.longAt(key, r);
    }

    @Override
    public String stringAt(long row) {
      return g.stringAt(key, map.applyAsLong(row));
    }

    @Override
    public boolean nullAt(long row) {
      return CellRandom.unit(key, map.applyAsLong(row), CellRandom.NULL_DRAW) < nullRate;
    }
  }
}
