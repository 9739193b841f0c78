package dev.syngen.core.sink;

/**
 * How a message target shapes each record's payload. {@code size} &gt; 0 pads records to that many
 * bytes (a record already longer is sent as it is); {@code template} replaces the record's JSON
 * with a template whose {@code {{column}}} placeholders take the column's JSON value; {@code
 * sampled} sends records at their natural size with a weight header that says how many bytes of
 * {@code size} each stands for. Padding and weights never change a row's values.
 */
public record PayloadShape(int size, String template, boolean sampled) {
  public static final PayloadShape NATURAL = new PayloadShape(0, null, false);

  public PayloadShape {
    if (size < 0) {
      throw new IllegalArgumentException("payload size must be >= 0, got " + size);
    }
    if (sampled && size == 0) {
      throw new IllegalArgumentException("sampled payloads need a logical payload size");
    }
  }

  public boolean padded() {
    return size > 0 && !sampled;
  }
}
