package dev.syngen.io.encode;

import dev.syngen.core.engine.ValueFormat;
import java.nio.charset.StandardCharsets;

/**
 * Shortest round-trip text of a double, written straight into a byte array: the text of {@code
 * Double.toString} on Java 19 and later (and of Jackson's fast double writer, which the files used
 * before): the shortest decimal that reads back as the same double, the one nearest to it when
 * several are that short (an even last digit on a tie), at least one digit after the point, plain
 * between 10<sup>-3</sup> and 10<sup>7</sup>, {@code d.dddE±n} outside. On Java 17 {@code
 * Double.toString} is slower and sometimes longer, and going through a {@code String} per value
 * cost a third of a numeric file's CPU.
 *
 * <p>The digits come from Giulietti's Schubfach algorithm ("The Schubfach way to render doubles",
 * 2020): the rounding interval of the double is scaled by a 126-bit approximation of a power of
 * ten, and the shortest decimal in it is found among four candidates without division or big-number
 * arithmetic. The powers of ten are computed once, exactly, with {@link BigInteger}.
 */
public final class NumberText {
  /** Longest text: {@code -d.ddddddddddddddddE-ddd}. */
  public static final int MAX_WIDTH = 24;

  private static final int PRECISION = 53;
  private static final int MIN_EXPONENT = -1074;
  private static final long HIDDEN_BIT = 1L << (PRECISION - 1);
  private static final long FRACTION_MASK = HIDDEN_BIT - 1;
  private static final long LOW_63 = (1L << 63) - 1;

  private NumberText() {}

  /** The text as a String (for callers outside the byte-array paths). */
  public static String of(double v) {
    byte[] b = new byte[MAX_WIDTH];
    return new String(b, 0, write(b, 0, v), StandardCharsets.US_ASCII);
  }

  /**
   * Writes the text of {@code v} at {@code p} (room for {@link #MAX_WIDTH} bytes needed); returns
   * the position after it.
   */
  public static int write(byte[] b, int p, double v) {
    long bits = Double.doubleToRawLongBits(v);
    long fraction = bits & FRACTION_MASK;
    int biased = (int) (bits >>> (PRECISION - 1)) & 0x7FF;
    if (biased == 0x7FF) {
      return ascii(b, p, fraction != 0 ? "NaN" : bits < 0 ? "-Infinity" : "Infinity");
    }
    if (bits < 0) {
      b[p++] = '-';
    }
    if (biased == 0) {
      if (fraction == 0) {
        return ascii(b, p, "0.0");
      }
      // subnormal; the smallest ones are scaled by ten first so the candidates keep enough digits
      return fraction < 3
          ? shortest(b, p, MIN_EXPONENT, 10 * fraction, -1)
          : shortest(b, p, MIN_EXPONENT, fraction, 0);
    }
    int q = biased - 1075;
    long c = HIDDEN_BIT | fraction;
    if (q < 0 && q > -PRECISION) {
      long whole = c >> -q;
      if (whole << -q == c) { // an integer below 2^53: its own digits are the shortest
        return digits(b, p, whole, 0);
      }
    }
    return shortest(b, p, q, c, 0);
  }

  /** The shortest decimal in the rounding interval of {@code c 2^q}, written. */
  private static int shortest(byte[] b, int p, int q, long c, int dk) {
    int exclusive = (int) c & 1; // an odd significand rounds its interval's ends away
    long cb = c << 2;
    long cbr = cb + 2;
    long cbl;
    int k;
    if (c != HIDDEN_BIT || q == MIN_EXPONENT) {
      cbl = cb - 2;
      k = floorLog10Pow2(q);
    } else { // a power of two: the interval below is half as wide
      cbl = cb - 1;
      k = floorLog10ThreeQuartersPow2(q);
    }
    int h = q + floorLog2Pow10(-k) + 2;
    int i = (PowersOfTen.K_MAX - k) << 1;
    long g1 = PowersOfTen.G[i];
    long g0 = PowersOfTen.G[i + 1];
    long vb = scaled(g1, g0, cb << h);
    long vbl = scaled(g1, g0, cbl << h);
    long vbr = scaled(g1, g0, cbr << h);
    long s = vb >> 2;
    if (s >= 100) { // one digit shorter, if exactly one such decimal lies in the interval
      long sp = s / 10 * 10;
      long tp = sp + 10;
      boolean uIn = vbl + exclusive <= sp << 2;
      boolean wIn = (tp << 2) + exclusive <= vbr;
      if (uIn != wIn) {
        return digits(b, p, uIn ? sp : tp, k);
      }
    }
    long t = s + 1;
    boolean uIn = vbl + exclusive <= s << 2;
    boolean wIn = (t << 2) + exclusive <= vbr;
    if (uIn != wIn) {
      return digits(b, p, uIn ? s : t, k + dk);
    }
    long cmp = vb - ((s + t) << 1); // both in: the nearer, the even one on a tie
    return digits(b, p, cmp < 0 || cmp == 0 && (s & 1) == 0 ? s : t, k + dk);
  }

  /** {@code cp g 2^-127}, rounded to odd, with g = g1 2^63 + g0. */
  private static long scaled(long g1, long g0, long cp) {
    long x1 = Math.multiplyHigh(g0, cp);
    long y0 = g1 * cp;
    long y1 = Math.multiplyHigh(g1, cp);
    long z = (y0 >>> 1) + x1;
    long vbp = y1 + (z >>> 63);
    return vbp | ((z & LOW_63) + LOW_63) >>> 63;
  }

  /** Writes {@code f 10^e} in {@code Double.toString}'s layout. */
  private static int digits(byte[] b, int p, long f, int e) {
    while (f % 10 == 0) {
      f /= 10;
      e++;
    }
    int n = length(f);
    int exp = e + n - 1; // of the first digit
    if (exp >= 0 && exp < 7) {
      if (n <= exp + 1) { // an integer: its digits, zeros, ".0"
        p = ValueFormat.writeLong(b, p, f);
        for (int z = n; z <= exp; z++) {
          b[p++] = '0';
        }
        b[p++] = '.';
        b[p++] = '0';
        return p;
      }
      return point(b, p, f, n, exp + 1);
    }
    if (exp < 0 && exp >= -3) {
      b[p++] = '0';
      b[p++] = '.';
      for (int z = exp + 1; z < 0; z++) {
        b[p++] = '0';
      }
      return ValueFormat.writeLong(b, p, f);
    }
    if (n == 1) {
      b[p++] = (byte) ('0' + f);
      b[p++] = '.';
      b[p++] = '0';
    } else {
      p = point(b, p, f, n, 1);
    }
    b[p++] = 'E';
    return ValueFormat.writeLong(b, p, exp);
  }

  /** Writes the n digits of f with a point after the first {@code before} of them. */
  private static int point(byte[] b, int p, long f, int n, int before) {
    int end = ValueFormat.writeLong(b, p + 1, f);
    for (int j = 0; j < before; j++) {
      b[p + j] = b[p + j + 1];
    }
    b[p + before] = '.';
    return end;
  }

  private static final long[] POWERS = new long[19];

  static {
    POWERS[0] = 1;
    for (int i = 1; i < POWERS.length; i++) {
      POWERS[i] = POWERS[i - 1] * 10;
    }
  }

  /** Decimal digits of {@code 0 < f < 10^18}: from its bit length, then one comparison. */
  private static int length(long f) {
    int n = (64 - Long.numberOfLeadingZeros(f)) * 1233 >>> 12;
    return f >= POWERS[n] ? n + 1 : n;
  }

  private static int floorLog10Pow2(int e) {
    return (int) (e * 661_971_961_083L >> 41);
  }

  private static int floorLog10ThreeQuartersPow2(int e) {
    return (int) (e * 661_971_961_083L + -274_743_187_321L >> 41);
  }

  private static int floorLog2Pow10(int e) {
    return (int) (e * 913_124_641_741L >> 38);
  }

  private static int ascii(byte[] b, int p, String s) {
    for (int i = 0; i < s.length(); i++) {
      b[p++] = (byte) s.charAt(i);
    }
    return p;
  }
}
