package dev.syngen.core.generate.expr;

import java.util.List;

/** Builders of operator nodes; each node propagates NULL from its operands. */
final class Ops {
  private Ops() {}

  static boolean anyNull(Node a, Node b, long row) {
    return (a.nullable() && a.nullAt(row)) || (b.nullable() && b.nullAt(row));
  }

  static Node toDouble(Node n) {
    if (n.type() == Type.DOUBLE) {
      return n;
    }
    return new Node(Type.DOUBLE, n.nullable()) {
      @Override
      public double doubleAt(long row) {
        return n.longAt(row);
      }

      @Override
      public boolean nullAt(long row) {
        return n.nullAt(row);
      }
    };
  }

  /** A timestamp or date read as its number (epoch milliseconds or days). */
  static Node asWhole(Node n) {
    return new Node(Type.LONG, n.nullable()) {
      @Override
      public long longAt(long row) {
        return n.longAt(row);
      }

      @Override
      public boolean nullAt(long row) {
        return n.nullAt(row);
      }
    };
  }

  static Node not(Node x) {
    return new Node(Type.BOOL, x.nullable()) {
      @Override
      public long longAt(long row) {
        return x.boolAt(row) ? 0 : 1;
      }

      @Override
      public boolean nullAt(long row) {
        return x.nullAt(row);
      }
    };
  }

  static Node negate(Node x) {
    if (x.type() == Type.LONG) {
      return new Node(Type.LONG, x.nullable()) {
        @Override
        public long longAt(long row) {
          return -x.longAt(row);
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
        return -x.doubleAt(row);
      }

      @Override
      public boolean nullAt(long row) {
        return x.nullAt(row);
      }
    };
  }

  static Node logic(boolean and, Node l, Node r) {
    return new Node(Type.BOOL, l.nullable() || r.nullable()) {
      @Override
      public long longAt(long row) {
        boolean v = and ? l.boolAt(row) && r.boolAt(row) : l.boolAt(row) || r.boolAt(row);
        return v ? 1 : 0;
      }

      @Override
      public boolean nullAt(long row) {
        return anyNull(l, r, row);
      }
    };
  }

  /** + - * / % on numbers: whole numbers stay whole except for division. */
  static Node arithmetic(char op, Node l, Node r) {
    boolean nullable = l.nullable() || r.nullable();
    if (l.type() == Type.LONG && r.type() == Type.LONG && op != '/') {
      return new Node(Type.LONG, nullable) {
        @Override
        public long longAt(long row) {
          long a = l.longAt(row);
          long b = r.longAt(row);
          return switch (op) {
            case '+' -> a + b;
            case '-' -> a - b;
            case '*' -> a * b;
            default -> a % b; // the typer admits only a non-zero literal divisor
          };
        }

        @Override
        public boolean nullAt(long row) {
          return anyNull(l, r, row);
        }
      };
    }
    return new Node(Type.DOUBLE, nullable) {
      @Override
      public double doubleAt(long row) {
        double a = l.doubleAt(row);
        double b = r.doubleAt(row);
        return switch (op) {
          case '+' -> a + b;
          case '-' -> a - b;
          case '*' -> a * b;
          case '/' -> a / b;
          default -> a % b;
        };
      }

      @Override
      public boolean nullAt(long row) {
        return anyNull(l, r, row);
      }
    };
  }

  /** A timestamp (milliseconds) or date (days) moved by {@code sign × amount}. */
  static Node shift(Node time, Node amount, int sign) {
    return new Node(time.type(), time.nullable() || amount.nullable()) {
      @Override
      public long longAt(long row) {
        long by =
            amount.type() == Type.LONG ? amount.longAt(row) : Math.round(amount.doubleAt(row));
        return time.longAt(row) + sign * by;
      }

      @Override
      public boolean nullAt(long row) {
        return anyNull(time, amount, row);
      }
    };
  }

  static Node concat(List<Node> parts) {
    boolean nullable = parts.stream().anyMatch(Node::nullable);
    Node[] ps = parts.toArray(Node[]::new);
    return new Node(Type.STRING, nullable) {
      @Override
      public String stringAt(long row) {
        StringBuilder sb = new StringBuilder();
        for (Node p : ps) {
          sb.append(Expressions.text(p, row));
        }
        return sb.toString();
      }

      @Override
      public boolean nullAt(long row) {
        for (Node p : ps) {
          if (p.nullable() && p.nullAt(row)) {
            return true;
          }
        }
        return false;
      }
    };
  }

  static Node compare(String op, Node l, Node r) {
    boolean real = l.type() == Type.DOUBLE || r.type() == Type.DOUBLE;
    boolean text = l.type() == Type.STRING;
    return new Node(Type.BOOL, l.nullable() || r.nullable()) {
      @Override
      public long longAt(long row) {
        int c;
        if (text) {
          c = l.stringAt(row).compareTo(r.stringAt(row));
        } else if (real) {
          c = Double.compare(l.doubleAt(row), r.doubleAt(row));
        } else {
          c = Long.compare(l.longAt(row), r.longAt(row));
        }
        boolean v =
            switch (op) {
              case "==" -> c == 0;
              case "!=" -> c != 0;
              case "<" -> c < 0;
              case "<=" -> c <= 0;
              case ">" -> c > 0;
              default -> c >= 0;
            };
        return v ? 1 : 0;
      }

      @Override
      public boolean nullAt(long row) {
        return anyNull(l, r, row);
      }
    };
  }

  /** {@code condition ? a : b}; a NULL condition counts as false. */
  static Node choose(Node condition, Node a, Node b) {
    return new Node(a.type(), a.nullable() || b.nullable()) {
      private boolean first(long row) {
        return !(condition.nullable() && condition.nullAt(row)) && condition.boolAt(row);
      }

      @Override
      public long longAt(long row) {
        return first(row) ? a.longAt(row) : b.longAt(row);
      }

      @Override
      public double doubleAt(long row) {
        return first(row) ? a.doubleAt(row) : b.doubleAt(row);
      }

      @Override
      public String stringAt(long row) {
        return first(row) ? a.stringAt(row) : b.stringAt(row);
      }

      @Override
      public boolean nullAt(long row) {
        return first(row) ? a.nullAt(row) : b.nullAt(row);
      }
    };
  }
}
