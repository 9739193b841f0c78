package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.ChildAllocation;
import dev.syngen.core.generate.ColumnRef;
import dev.syngen.core.generate.Conversions;
import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.generate.expr.ExpressionException;
import dev.syngen.core.generate.expr.Expressions;
import dev.syngen.core.generate.expr.Node;
import dev.syngen.core.generate.expr.Scope;
import dev.syngen.core.generate.expr.Type;
import dev.syngen.core.scenario.ValueKind;
import java.util.Optional;
import java.util.function.LongUnaryOperator;

/**
 * A derived column: an expression over other columns of the same row ({@code quantity *
 * unit_price}), of the row's parent ({@code parent.started_at}) or of the row an fk column points
 * to ({@code product_id.list_price}), with conditionals ({@code if(...)}, {@code c ? a : b}).
 * Parsed and type-checked once; at row time it recomputes the cells it reads, so it stays a pure
 * function of the row.
 */
public final class Expression implements Generator {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "expression",
          "derived from other columns of the row; params: expr (e.g. \"quantity * unit_price\");"
              + " column shorthand: expression: ...",
          Expression::create);

  /**
   * The most cells one value may read, counting the cells the expression columns it reads read in
   * turn. Without a bound, a chain of columns each reading the previous one twice takes 2^n reads
   * and, for text, 2^n characters per value.
   */
  static final int MAX_CELL_READS = 256;

  /** The longest text one value may have; a longer one fails the run with the column and row. */
  static final int MAX_TEXT_CHARS = 1 << 16;

  private final Node root;
  private final ValueKind kind;
  private final int reads;

  private Expression(Node root, int reads) {
    this.root = root;
    this.reads = reads;
    this.kind =
        switch (root.type()) {
          case LONG -> ValueKind.LONG;
          case DOUBLE -> ValueKind.DOUBLE;
          case BOOL -> ValueKind.BOOL;
          case STRING -> ValueKind.STRING;
          case TIMESTAMP -> ValueKind.TIMESTAMP;
          case DATE -> ValueKind.DATE;
        };
  }

  private static Generator create(GeneratorContext ctx) {
    Params p = ctx.params();
    String text = p.string("expr", "\"quantity * unit_price\"");
    if (text == null) {
      return null;
    }
    try {
      RowScope scope = new RowScope(ctx);
      Node root = Expressions.compile(text, scope);
      if (scope.reads > MAX_CELL_READS) {
        p.problem(
            "expr",
            "reads "
                + scope.reads
                + " cells per value, counting what the expression columns it uses read; at most "
                + MAX_CELL_READS
                + " are allowed",
            "read each column once, or compute the value in fewer chained columns");
        return null;
      }
      if (root.nullable()) {
        p.problem(
            "expr",
            "can be NULL because it reads a nullable column",
            "wrap nullable columns in coalesce(column, default)");
        return null;
      }
      return new Expression(root, scope.reads);
    } catch (ExpressionException e) {
      p.problem(
          "expr",
          "at character " + (e.position() + 1) + ": " + e.getMessage(),
          "see docs/generators.md#expression for the syntax and functions");
      return null;
    } catch (UnresolvedColumn e) {
      return null; // the context has reported the column with its own message
    }
  }

  @Override
  public ValueKind kind() {
    return kind;
  }

  @Override
  public long longAt(long key, long row) {
    return root.longAt(row);
  }

  @Override
  public double doubleAt(long key, long row) {
    return root.doubleAt(row);
  }

  @Override
  public String stringAt(long key, long row) {
    String s = root.stringAt(row);
    if (s.length() > MAX_TEXT_CHARS) {
      throw new IllegalStateException(
          "an expression made "
              + s.length()
              + " characters at row "
              + row
              + "; values are limited to "
              + MAX_TEXT_CHARS
              + " characters");
    }
    return s;
  }

  /** Thrown when the context could not resolve a column (it reports the problem itself). */
  private static final class UnresolvedColumn extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnresolvedColumn() {
      super(null, null, false, false);
    }
  }

  /** Resolves names to column readers: this row, the parent row, or an fk's target row. */
  private static final class RowScope implements Scope {
    private final GeneratorContext ctx;
    private int reads;

    RowScope(GeneratorContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public long key() {
      return ctx.key();
    }

    @Override
    public Node position(String function, int position) {
      ChildAllocation a =
          ctx.allocation()
              .orElseThrow(
                  () ->
                      new ExpressionException(
                          position, function + "() needs the entity to declare rows_per_parent"));
      boolean rank = function.equals("rank_in_parent");
      return new Node(Type.LONG, false) {
        @Override
        public long longAt(long row) {
          ChildAllocation.Position p = a.position(row);
          return rank ? p.rank : p.size;
        }
      };
    }

    @Override
    public Node column(String qualifier, String name, int position) {
      if (qualifier == null) {
        ColumnRef ref = ctx.sibling("expr", name).orElseThrow(UnresolvedColumn::new);
        return read(ref, row -> row, position);
      }
      if (qualifier.equals("parent")) {
        ChildAllocation a =
            ctx.allocation()
                .orElseThrow(
                    () ->
                        new ExpressionException(
                            position, "'parent.' needs the entity to declare rows_per_parent"));
        ColumnRef ref = ctx.lookup("expr", a.parent(), name).orElseThrow(UnresolvedColumn::new);
        return read(ref, a::parentOf, position);
      }
      ColumnRef fk = ctx.sibling("expr", qualifier).orElseThrow(UnresolvedColumn::new);
      if (!(Conversions.unwrap(fk.generator()) instanceof ForeignKey key)) {
        throw new ExpressionException(
            position,
            "'"
                + qualifier
                + "' is not an fk column, so '"
                + qualifier
                + "."
                + name
                + "' names nothing; use parent.<column> or <fk column>.<column>");
      }
      Optional<ColumnRef> target = ctx.lookup("expr", key.parent().entity(), name);
      long fkKey = fk.key();
      reads++; // the fk column's own cell
      return read(
          target.orElseThrow(UnresolvedColumn::new), row -> key.parentRow(fkKey, row), position);
    }

    /** A reader of {@code ref}, counting its cell and the cells it reads in turn. */
    private Node read(ColumnRef ref, LongUnaryOperator map, int position) {
      long more = 1L + (Conversions.unwrap(ref.generator()) instanceof Expression e ? e.reads : 0);
      reads = (int) Math.min(Integer.MAX_VALUE, reads + more);
      return ColumnNodes.read(ref, map, position);
    }
  }
}
