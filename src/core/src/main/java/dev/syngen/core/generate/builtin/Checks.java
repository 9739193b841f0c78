package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.Params;

/** Range checks on numeric parameters that record a problem with a fix instead of throwing. */
final class Checks {
  private Checks() {}

  static boolean finite(Params p, String name, Double v, String example) {
    if (v == null) {
      return false;
    }
    if (!Double.isFinite(v)) {
      p.problem(name, "must be a finite number, got " + v, "use e.g. " + name + ": " + example);
      return false;
    }
    return true;
  }

  static boolean positive(Params p, String name, Double v, String example) {
    if (!finite(p, name, v, example)) {
      return false;
    }
    if (!(v > 0)) {
      p.problem(name, "must be > 0, got " + v, "use e.g. " + name + ": " + example);
      return false;
    }
    return true;
  }

  static boolean probability(Params p, String name, Double v, boolean zeroOk, String example) {
    if (!finite(p, name, v, example)) {
      return false;
    }
    if (v > 1 || v < 0 || (!zeroOk && v == 0)) {
      p.problem(
          name,
          "must be a probability in " + (zeroOk ? "[0, 1]" : "(0, 1]") + ", got " + v,
          "use e.g. " + name + ": " + example);
      return false;
    }
    return true;
  }

  /** Shortest readable text of a parameter for law names: 2 not 2.0, 0.25 as is. */
  static String num(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
