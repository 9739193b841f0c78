package dev.syngen.core.generate.expr;

/** A lexical token: its kind, its text, and where it starts. */
record Token(Kind kind, String text, int position) {
  enum Kind {
    NUMBER,
    STRING,
    NAME,
    SYMBOL,
    END
  }

  boolean is(String symbol) {
    return (kind == Kind.SYMBOL || kind == Kind.NAME) && text.equals(symbol);
  }
}
