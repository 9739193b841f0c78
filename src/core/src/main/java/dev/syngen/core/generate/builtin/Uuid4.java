package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Unique;
import dev.syngen.core.random.CellRandom;
import dev.syngen.core.scenario.ValueKind;

/** Random (version 4, RFC 9562 variant) UUIDs from two draws of the cell. */
public final class Uuid4 implements Generator, Unique {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of("uuid4", "random version-4 UUID; no params", ctx -> new Uuid4());

  @Override
  public ValueKind kind() {
    return ValueKind.UUID;
  }

  @Override
  public long longAt(long key, long row) {
    return (CellRandom.bits(key, row, 0) & ~0xF000L) | 0x4000L;
  }

  @Override
  public boolean distinct() {
    return true;
  }

  @Override
  public long uuidLowAt(long key, long row) {
    return (CellRandom.bits(key, row, 1) & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
  }
}
