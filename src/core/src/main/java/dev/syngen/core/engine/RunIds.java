package dev.syngen.core.engine;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.BitSet;

/**
 * Run ids: the UTC time to the second and 16 random bits ({@code 20261204T122258Z-ce69}), so ids
 * sort by creation. No two ids this process hands out are equal: the suffixes already used in the
 * current second are remembered, so a burst of starts (dozens a second through the REST API) never
 * draws one twice — with 16 random bits alone, 40 starts a second collide within a minute about one
 * time in three. Processes sharing a history database can still draw the same id; the server draws
 * again when its insert meets the existing one.
 */
public final class RunIds {
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final int SUFFIXES = 0x10000;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final BitSet USED = new BitSet(SUFFIXES);
  private static long second = Long.MIN_VALUE;

  private RunIds() {}

  /** A new id for a run created at {@code now}, unequal to every other this process made. */
  public static String next(Instant now) {
    long s = now.getEpochSecond();
    int suffix;
    synchronized (RunIds.class) {
      if (s != second) {
        second = s;
        USED.clear();
      }
      if (USED.cardinality() == SUFFIXES) {
        // 65,536 runs in one second (far beyond what a start costs): the next second's ids serve
        return next(now.plusSeconds(1));
      }
      do {
        suffix = RANDOM.nextInt(SUFFIXES);
      } while (USED.get(suffix));
      USED.set(suffix);
    }
    return ID_TIME.format(Instant.ofEpochSecond(s)) + "-" + String.format("%04x", suffix);
  }
}
