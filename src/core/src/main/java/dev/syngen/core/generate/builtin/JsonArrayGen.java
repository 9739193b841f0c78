package dev.syngen.core.generate.builtin;

import dev.syngen.core.generate.Generator;
import dev.syngen.core.generate.GeneratorContext;
import dev.syngen.core.generate.GeneratorFactory;
import dev.syngen.core.generate.Params;
import dev.syngen.core.random.CellRandom;
import dev.syngen.core.scenario.ValueKind;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A JSON array per row of {@code min_items} to {@code max_items} values of one nested generator
 * ({@code items: {type, generator, null_rate}}). Item {@code i} of a row is the nested generator's
 * value in its own sub-stream (the column's key and {@code i}), so any item is computed without the
 * others. With {@code unique_items: true}, an item equal to an earlier one is drawn again from a
 * further sub-stream; binding checks on a sample of rows that enough distinct items exist.
 */
public final class JsonArrayGen implements Generator {
  public static final GeneratorFactory FACTORY =
      GeneratorFactory.of(
          "json_array",
          "a JSON array of a nested generator's values; params: items ({type, generator,"
              + " null_rate}), min_items, max_items, unique_items",
          JsonArrayGen::create);

  /** The most items one array may hold. */
  static final int MAX_ITEMS = 1_000;

  private static final int SAMPLE = 256;
  private static final long ITEM_STEP = 0x9E3779B97F4A7C15L;

  private final JsonValue items;
  private final int min;
  private final int max;
  private final boolean unique;
  private final long salt;

  private JsonArrayGen(JsonValue items, int min, int max, boolean unique, long salt) {
    this.items = items;
    this.min = min;
    this.max = max;
    this.unique = unique;
    this.salt = salt;
  }

  private static Generator create(GeneratorContext ctx) {
    Params p = ctx.params();
    long min = p.whole("min_items", "0", 0);
    long max = p.whole("max_items", "5", Math.max(min, 3));
    Object u = p.raw("unique_items");
    if (u != null && !(u instanceof Boolean)) {
      p.problem("unique_items", "must be true or false, got '" + u + "'", "write true or false");
    }
    if (min < 0 || max < min || max > MAX_ITEMS) {
      p.problem(
          "max_items",
          "items must satisfy 0 <= min_items <= max_items <= "
              + MAX_ITEMS
              + ", got "
              + min
              + ".."
              + max,
          "narrow the item counts");
    }
    long salt = JsonValue.keyOf(0, "items");
    JsonValue items = JsonValue.bind(ctx, "items", p.raw("items"), ctx.key() ^ salt);
    if (!p.ok() || items == null) {
      return null;
    }
    JsonArrayGen g = new JsonArrayGen(items, (int) min, (int) max, Boolean.TRUE.equals(u), salt);
    if (g.unique) {
      for (long row = 0; row < SAMPLE; row++) {
        if (g.distinctItems(0x5EED, row, g.min).size() < g.min) {
          p.problem(
              "unique_items",
              "the items generator rarely makes " + min + " distinct values for one array",
              "lower min_items, or give the items more distinct values");
          return null;
        }
      }
    }
    return g;
  }

  @Override
  public ValueKind kind() {
    return ValueKind.STRING;
  }

  @Override
  public String stringAt(long key, long row) {
    int n = min == max ? min : min + (int) CellRandom.below(key, row, 0, max - min + 1);
    StringBuilder out = new StringBuilder(2 + 16 * n);
    out.append('[');
    long itemsKey = key ^ salt;
    if (unique) {
      int i = 0;
      for (String item : distinctItems(key, row, n)) {
        out.append(i++ == 0 ? "" : ",").append(item);
      }
    } else {
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          out.append(',');
        }
        items.append(out, itemKey(itemsKey, i), row);
      }
    }
    return out.append(']').toString();
  }

  private static long itemKey(long itemsKey, int i) {
    return i == 0 ? itemsKey : CellRandom.mix(itemsKey + i * ITEM_STEP);
  }

  /** Up to {@code n} distinct items, trying at most 16 draws per item. */
  private Set<String> distinctItems(long key, long row, int n) {
    Set<String> out = new LinkedHashSet<>();
    long itemsKey = key ^ salt;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; out.size() < n && i < 16 * Math.max(n, 1); i++) {
      sb.setLength(0);
      items.append(sb, itemKey(itemsKey, i), row);
      out.add(sb.toString());
    }
    return out;
  }
}
