package dev.syngen.core.generate.expr;

import dev.syngen.core.scenario.Instants;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/** The functions an expression may call, checked for argument count and types when compiled. */
final class Functions {
  static final String NAMES =
      "abs, min, max, clamp, round, floor, ceil, sqrt, ln, exp, pow, coalesce, is_null, if,"
          + " concat, string, lower, upper, length, substr, seconds, minutes, hours, days, hour,"
          + " weekday, month, date, epoch_ms, timestamp, row_number, rank_in_parent,"
          + " children_in_parent, uniform, normal, lognormal, exponential, chance";
  private static final long DAY_MS = 86_400_000L;
  private final Typer typer;
  private final Scope scope;
  private final RandomFunctions random;

  Functions(Typer typer, Scope scope) {
    this.typer = typer;
    this.scope = scope;
    this.random = new RandomFunctions(scope.key());
  }

  Node call(Ast.Call c) {
    String f = c.function().toLowerCase(Locale.ROOT);
    if (f.equals("if")) {
      arity(c, 3, 3);
      Node[] both =
          typer.branches(c.position(), typer.type(c.args().get(1)), typer.type(c.args().get(2)));
      return Ops.choose(typer.condition(c.args().get(0)), both[0], both[1]);
    }
    if (f.equals("timestamp")) {
      return timestampLiteral(c);
    }
    if (f.equals("row_number") || f.equals("rank_in_parent") || f.equals("children_in_parent")) {
      arity(c, 0, 0);
      return f.equals("row_number") ? rowNumber() : scope.position(f, c.position());
    }
    List<Node> args = new ArrayList<>();
    c.args().forEach(a -> args.add(typer.type(a)));
    if (RandomFunctions.handles(f)) {
      return random.call(c, f, args);
    }
    return switch (f) {
      case "abs" -> math(c, args, 1, 1, Math::abs);
      case "sqrt" -> math(c, args, 1, 1, Math::sqrt);
      case "ln" -> math(c, args, 1, 1, Math::log);
      case "exp" -> math(c, args, 1, 1, Math::exp);
      case "floor" -> whole(c, args, Math::floor);
      case "ceil" -> whole(c, args, Math::ceil);
      case "round" -> round(c, args);
      case "pow" -> pow(c, args);
      case "min", "max" -> extreme(c, args, f.equals("min"));
      case "clamp" -> clamp(c, args);
      case "coalesce" -> coalesce(c, args);
      case "is_null" -> isNull(c, args);
      case "concat" -> {
        arity(c, 1, 64);
        yield Ops.concat(args);
      }
      case "string" -> {
        arity(c, 1, 1);
        yield Ops.concat(args);
      }
      case "lower", "upper", "length" -> text(c, args, f);
      case "substr" -> substr(c, args);
      case "seconds" -> duration(c, args, 1000);
      case "minutes" -> duration(c, args, 60_000);
      case "hours" -> duration(c, args, 3_600_000);
      case "days" -> duration(c, args, DAY_MS);
      case "hour", "weekday", "month", "date", "epoch_ms" -> calendar(c, args, f);
      default ->
          throw new ExpressionException(
              c.position(), "unknown function '" + c.function() + "'; use one of: " + NAMES);
    };
  }

  private static Node rowNumber() {
    return new Node(Type.LONG, false) {
      @Override
      public long longAt(long row) {
        return row;
      }
    };
  }

  private static void arity(Ast.Call c, int min, int max) {
    int n = c.args().size();
    if (n < min || n > max) {
      String want = min == max ? String.valueOf(min) : min + " to " + max;
      throw new ExpressionException(
          c.position(), c.function() + "() takes " + want + " arguments, got " + n);
    }
  }

  private static void numbers(Ast.Call c, List<Node> args) {
    for (int i = 0; i < args.size(); i++) {
      if (!args.get(i).type().numeric()) {
        throw new ExpressionException(
            c.args().get(i).position(),
            c.function() + "() needs numbers, not a " + args.get(i).type().label());
      }
    }
  }

  private static boolean anyNull(List<Node> args, long row) {
    for (Node a : args) {
      if (a.nullable() && a.nullAt(row)) {
        return true;
      }
    }
    return false;
  }

  private static boolean nullable(List<Node> args) {
    return args.stream().anyMatch(Node::nullable);
  }

  private static Node math(Ast.Call c, List<Node> args, int min, int max, DoubleUnaryOperator f) {
    arity(c, min, max);
    numbers(c, args);
    Node x = args.get(0);
    if (x.type() == Type.LONG && c.function().equalsIgnoreCase("abs")) {
      return new Node(Type.LONG, x.nullable()) {
        @Override
        public long longAt(long row) {
          return Math.abs(x.longAt(row));
        }

        @Override
        public boolean nullAt(long row) {
          return x.nullAt(row);
        }
      };
    }
    return new Node(Type.DOUBLE, x.nullable()) {
      @Override
      public double doubleAt(long row) {
        return f.applyAsDouble(x.doubleAt(row));
      }

      @Override
      public boolean nullAt(long row) {
        return x.nullAt(row);
      }
    };
  }

  private static Node whole(Ast.Call c, List<Node> args, DoubleUnaryOperator f) {
    arity(c, 1, 1);
    numbers(c, args);
    Node x = args.get(0);
    return new Node(Type.LONG, x.nullable()) {
      @Override
      public long longAt(long row) {
        return x.type() == Type.LONG ? x.longAt(row) : (long) f.applyAsDouble(x.doubleAt(row));
      }

      @Override
      public boolean nullAt(long row) {
        return x.nullAt(row);
      }
    };
  }

  private static Node round(Ast.Call c, List<Node> args) {
    arity(c, 1, 2);
    numbers(c, args);
    if (args.size() == 1) {
      return whole(c, args, Math::rint);
    }
    if (!(c.args().get(1) instanceof Ast.Num n) || n.text().contains(".")) {
      throw new ExpressionException(
          c.args().get(1).position(), "round(x, digits) needs a whole-number literal for digits");
    }
    int digits = Integer.parseInt(n.text());
    if (digits > 15) {
      throw new ExpressionException(c.args().get(1).position(), "round() keeps at most 15 digits");
    }
    double scale = Math.pow(10, digits);
    Node x = args.get(0);
    return new Node(Type.DOUBLE, x.nullable()) {
      @Override
      public double doubleAt(long row) {
        return Math.rint(x.doubleAt(row) * scale) / scale;
      }

      @Override
      public boolean nullAt(long row) {
        return x.nullAt(row);
      }
    };
  }

  private static Node pow(Ast.Call c, List<Node> args) {
    arity(c, 2, 2);
    numbers(c, args);
    Node a = args.get(0);
    Node b = args.get(1);
    return new Node(Type.DOUBLE, a.nullable() || b.nullable()) {
      @Override
      public double doubleAt(long row) {
        return Math.pow(a.doubleAt(row), b.doubleAt(row));
      }

      @Override
      public boolean nullAt(long row) {
        return Ops.anyNull(a, b, row);
      }
    };
  }

  private static Node extreme(Ast.Call c, List<Node> args, boolean min) {
    arity(c, 2, 64);
    numbers(c, args);
    Node[] xs = args.toArray(Node[]::new);
    boolean whole = args.stream().allMatch(a -> a.type() == Type.LONG);
    return new Node(whole ? Type.LONG : Type.DOUBLE, nullable(args)) {
      @Override
      public long longAt(long row) {
        long best = xs[0].longAt(row);
        for (int i = 1; i < xs.length; i++) {
          long v = xs[i].longAt(row);
          best = min ? Math.min(best, v) : Math.max(best, v);
        }
        return best;
      }

      @Override
      public double doubleAt(long row) {
        if (whole) {
          return longAt(row);
        }
        double best = xs[0].doubleAt(row);
        for (int i = 1; i < xs.length; i++) {
          double v = xs[i].doubleAt(row);
          best = min ? Math.min(best, v) : Math.max(best, v);
        }
        return best;
      }

      @Override
      public boolean nullAt(long row) {
        return anyNull(args, row);
      }
    };
  }

  private static Node clamp(Ast.Call c, List<Node> args) {
    arity(c, 3, 3);
    numbers(c, args);
    Node low =
        extreme(
            new Ast.Call(c.position(), "max", c.args().subList(0, 2)), args.subList(0, 2), false);
    return extreme(
        new Ast.Call(c.position(), "min", List.of(c.args().get(0), c.args().get(2))),
        List.of(low, args.get(2)),
        true);
  }

  private Node coalesce(Ast.Call c, List<Node> args) {
    arity(c, 2, 64);
    Type type = args.get(0).type();
    boolean real = false;
    for (int i = 0; i < args.size(); i++) {
      Type t = args.get(i).type();
      if (t != type && !(t.numeric() && type.numeric())) {
        throw new ExpressionException(
            c.args().get(i).position(),
            "coalesce() needs arguments of one type, not " + type.label() + " and " + t.label());
      }
      real |= t == Type.DOUBLE;
    }
    Node[] xs = new Node[args.size()];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = real ? Ops.toDouble(args.get(i)) : args.get(i);
    }
    boolean allNullable = args.stream().allMatch(Node::nullable);
    return new Node(xs[0].type(), allNullable) {
      private Node first(long row) {
        for (Node x : xs) {
          if (!x.nullable() || !x.nullAt(row)) {
            return x;
          }
        }
        return xs[xs.length - 1];
      }

      @Override
      public long longAt(long row) {
        return first(row).longAt(row);
      }

      @Override
      public double doubleAt(long row) {
        return first(row).doubleAt(row);
      }

      @Override
      public String stringAt(long row) {
        return first(row).stringAt(row);
      }

      @Override
      public boolean nullAt(long row) {
        Node f = first(row);
        return f.nullable() && f.nullAt(row);
      }
    };
  }

  private static Node isNull(Ast.Call c, List<Node> args) {
    arity(c, 1, 1);
    return isNull(args.get(0));
  }

  private static Node isNull(Node x) {
    return new Node(Type.BOOL, false) {
      @Override
      public long longAt(long row) {
        return x.nullable() && x.nullAt(row) ? 1 : 0;
      }
    };
  }

  private static Node text(Ast.Call c, List<Node> args, String f) {
    arity(c, 1, 1);
    Node s = args.get(0);
    if (s.type() != Type.STRING) {
      throw new ExpressionException(
          c.args().get(0).position(), f + "() needs text; wrap other values in string()");
    }
    if (f.equals("length")) {
      return new Node(Type.LONG, s.nullable()) {
        @Override
        public long longAt(long row) {
          return s.stringAt(row).length();
        }

        @Override
        public boolean nullAt(long row) {
          return s.nullAt(row);
        }
      };
    }
    boolean lower = f.equals("lower");
    return new Node(Type.STRING, s.nullable()) {
      @Override
      public String stringAt(long row) {
        String v = s.stringAt(row);
        return lower ? v.toLowerCase(Locale.ROOT) : v.toUpperCase(Locale.ROOT);
      }

      @Override
      public boolean nullAt(long row) {
        return s.nullAt(row);
      }
    };
  }

  private static Node substr(Ast.Call c, List<Node> args) {
    arity(c, 2, 3);
    Node s = args.get(0);
    if (s.type() != Type.STRING) {
      throw new ExpressionException(c.args().get(0).position(), "substr() needs text first");
    }
    for (int i = 1; i < args.size(); i++) {
      if (args.get(i).type() != Type.LONG) {
        throw new ExpressionException(
            c.args().get(i).position(), "substr() positions are whole numbers");
      }
    }
    Node from = args.get(1);
    Node len = args.size() > 2 ? args.get(2) : null;
    return new Node(Type.STRING, nullable(args)) {
      @Override
      public String stringAt(long row) {
        String v = s.stringAt(row);
        int start = (int) Math.max(0, Math.min(v.length(), from.longAt(row) - 1));
        int end =
            len == null
                ? v.length()
                : (int) Math.max(start, Math.min(v.length(), start + len.longAt(row)));
        return v.substring(start, end);
      }

      @Override
      public boolean nullAt(long row) {
        return anyNull(args, row);
      }
    };
  }

  /** seconds(x), minutes(x), … as whole milliseconds, to add to timestamps. */
  private static Node duration(Ast.Call c, List<Node> args, long unit) {
    arity(c, 1, 1);
    numbers(c, args);
    Node x = args.get(0);
    return new Node(Type.LONG, x.nullable()) {
      @Override
      public long longAt(long row) {
        return x.type() == Type.LONG ? x.longAt(row) * unit : Math.round(x.doubleAt(row) * unit);
      }

      @Override
      public boolean nullAt(long row) {
        return x.nullAt(row);
      }
    };
  }

  private static Node calendar(Ast.Call c, List<Node> args, String f) {
    arity(c, 1, 1);
    Node t = args.get(0);
    if (t.type() != Type.TIMESTAMP && !(t.type() == Type.DATE && !f.equals("hour"))) {
      throw new ExpressionException(
          c.args().get(0).position(),
          f + "() needs a timestamp" + (f.equals("hour") ? "" : " or date"));
    }
    boolean date = t.type() == Type.DATE;
    Type out = f.equals("date") ? Type.DATE : Type.LONG;
    return new Node(out, t.nullable()) {
      @Override
      public long longAt(long row) {
        long v = t.longAt(row);
        long day = date ? v : Math.floorDiv(v, DAY_MS);
        return switch (f) {
          case "hour" -> Math.floorMod(v, DAY_MS) / 3_600_000L;
          case "weekday" -> Math.floorMod(day + 3, 7) + 1; // 1970-01-01 was a Thursday (4)
          case "month" -> java.time.LocalDate.ofEpochDay(day).getMonthValue();
          case "date" -> day;
          default -> date ? day * DAY_MS : v;
        };
      }

      @Override
      public boolean nullAt(long row) {
        return t.nullAt(row);
      }
    };
  }

  private static Node timestampLiteral(Ast.Call c) {
    arity(c, 1, 1);
    if (!(c.args().get(0) instanceof Ast.Str s)) {
      throw new ExpressionException(c.position(), "timestamp() takes an ISO-8601 text literal");
    }
    try {
      return Node.constant(Type.TIMESTAMP, Instants.parse(s.value()).toEpochMilli(), 0, null);
    } catch (DateTimeParseException e) {
      throw new ExpressionException(s.position(), "'" + s.value() + "' is not an ISO-8601 instant");
    }
  }
}
