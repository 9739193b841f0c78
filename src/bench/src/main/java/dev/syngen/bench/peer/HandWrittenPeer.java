package dev.syngen.bench.peer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;
import net.datafaker.Faker;

/**
 * The same rows as the {@code versus-*} scenarios, written the way a user scripts them: one thread,
 * {@code java.util.Random} for numbers, Datafaker only for the text columns, a reused {@code
 * StringBuilder} per row and a {@code BufferedWriter}. No quoting and no NULLs, which only makes it
 * faster. Run as its own process so that its start-up counts, as syngen's does:
 *
 * <pre>
 * java -cp target/syngen-bench.jar dev.syngen.bench.peer.HandWrittenPeer numeric 4000000 out.csv
 * </pre>
 */
public final class HandWrittenPeer {
  private static final String[] TIERS = {"starter", "growth", "enterprise"};
  private static final long START = Instant.parse("2025-12-02T00:00:00Z").toEpochMilli();

  private HandWrittenPeer() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3 || !(args[0].equals("numeric") || args[0].equals("faker"))) {
      System.err.println("usage: HandWrittenPeer numeric|faker ROWS OUT.csv");
      System.exit(2);
    }
    long rows = Long.parseLong(args[1]);
    try (BufferedWriter w = Files.newBufferedWriter(Path.of(args[2]))) {
      if (args[0].equals("numeric")) {
        numeric(w, rows);
      } else {
        faker(w, rows);
      }
    }
  }

  /** The 8 columns of bench-scenario.yaml (versus-numeric). */
  public static void numeric(Writer w, long rows) throws IOException {
    Random random = new Random(7);
    StringBuilder sb = new StringBuilder(256);
    w.write("qty,account,price,reading,active,tier,observed_at,id\n");
    for (long i = 0; i < rows; i++) {
      sb.setLength(0);
      sb.append(1 + random.nextInt(1000)).append(',');
      sb.append(1 + (long) (random.nextDouble() * 9_000_000_000L)).append(',');
      sb.append(random.nextDouble() * 1000).append(',');
      sb.append(52 + 19 * random.nextGaussian()).append(',');
      sb.append(random.nextDouble() < 0.7).append(',');
      sb.append(tier(random)).append(',');
      sb.append(observedAt(random, i)).append(',');
      sb.append(uuid(random)).append('\n');
      w.append(sb);
    }
  }

  /** A person's name and a city from Datafaker plus six plain columns (versus-faker). */
  public static void faker(Writer w, long rows) throws IOException {
    Random random = new Random(7);
    Faker faker = new Faker(new Random(7));
    StringBuilder sb = new StringBuilder(256);
    w.write("id,name,city,age,balance,active,tier,created_at\n");
    for (long i = 0; i < rows; i++) {
      sb.setLength(0);
      sb.append(i + 1).append(',');
      sb.append(faker.name().fullName()).append(',');
      sb.append(faker.address().city()).append(',');
      sb.append(18 + random.nextInt(73)).append(',');
      sb.append(random.nextDouble() * 10_000).append(',');
      sb.append(random.nextDouble() < 0.7).append(',');
      sb.append(tier(random)).append(',');
      sb.append(observedAt(random, i)).append('\n');
      w.append(sb);
    }
  }

  private static String tier(Random random) {
    double u = random.nextDouble();
    return u < 0.6 ? TIERS[0] : u < 0.9 ? TIERS[1] : TIERS[2];
  }

  private static Instant observedAt(Random random, long i) {
    return Instant.ofEpochMilli(START + i * 1000 + random.nextInt(10_001) - 5000);
  }

  private static UUID uuid(Random random) {
    long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo);
  }
}
