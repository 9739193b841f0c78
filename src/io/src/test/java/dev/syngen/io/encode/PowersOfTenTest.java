package dev.syngen.io.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The listed powers of ten are exactly floor(β) + 1 of each 10^-k, computed with BigInteger. */
class PowersOfTenTest {
  @Test
  void everyPairIsTheExactScaledPower() {
    BigInteger low63 = BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE);
    assertEquals(2 * (PowersOfTen.K_MAX - PowersOfTen.K_MIN + 1), PowersOfTen.G.length);
    for (int k = PowersOfTen.K_MIN; k <= PowersOfTen.K_MAX; k++) {
      BigInteger beta;
      if (k <= 0) { // 10^-k is an integer: shift it into [2^125, 2^126)
        BigInteger power = BigInteger.TEN.pow(-k);
        int shift = 126 - power.bitLength();
        beta = shift >= 0 ? power.shiftLeft(shift) : power.shiftRight(-shift);
      } else { // 2^s / 10^k lands in (2^125, 2^126) for s = 125 + bit length of 10^k
        BigInteger power = BigInteger.TEN.pow(k);
        beta = BigInteger.ONE.shiftLeft(125 + power.bitLength()).divide(power);
      }
      assertEquals(125, beta.bitLength() - 1, "k " + k);
      BigInteger g = beta.add(BigInteger.ONE);
      int i = 2 * (PowersOfTen.K_MAX - k);
      assertEquals(g.shiftRight(63).longValueExact(), PowersOfTen.G[i], "g1 of k " + k);
      assertEquals(g.and(low63).longValueExact(), PowersOfTen.G[i + 1], "g0 of k " + k);
    }
  }
}
