package dev.syngen.io.indexgate;

import dev.syngen.core.indexgate.Dialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The query sets domain packs ship beside their scenario: {@code
 * scenarios/<pack>/index-gate/<dialect>/queries.sql} and {@code indexes.sql}. A pack is named by
 * its id only, never by a path.
 */
public final class GatePacks {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

  /** A pack's query set and DDL for one dialect, as text. */
  public record PackSet(String pack, Dialect dialect, String queries, String ddl) {}

  private final Path scenariosDir;

  public GatePacks(Path scenariosDir) {
    this.scenariosDir = scenariosDir;
  }

  /** The packs that ship a query set for {@code dialect}, sorted. */
  public List<String> list(Dialect dialect) {
    if (!Files.isDirectory(scenariosDir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(scenariosDir)) {
      return s.filter(d -> ID.matcher(d.getFileName().toString()).matches())
          .filter(d -> Files.isRegularFile(dir(d, dialect).resolve("queries.sql")))
          .map(d -> d.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The pack's set; throws naming the packs there are when it has none. */
  public PackSet load(String pack, Dialect dialect) {
    if (pack == null || !ID.matcher(pack).matches()) {
      throw new IllegalArgumentException(
          "pack '" + pack + "' is not a pack id; use one of: " + String.join(", ", list(dialect)));
    }
    Path d = dir(scenariosDir.resolve(pack), dialect);
    Path q = d.resolve("queries.sql");
    Path i = d.resolve("indexes.sql");
    if (!Files.isRegularFile(q) || !Files.isRegularFile(i)) {
      List<String> there = list(dialect);
      throw new IllegalArgumentException(
          "pack '"
              + pack
              + "' ships no "
              + dialect.label()
              + " query set (scenarios/"
              + pack
              + "/index-gate/"
              + dialect.label()
              + "/queries.sql and indexes.sql); "
              + (there.isEmpty()
                  ? "no pack ships one"
                  : "packs that do: " + String.join(", ", there)));
    }
    try {
      return new PackSet(
          pack,
          dialect,
          Files.readString(q, StandardCharsets.UTF_8),
          Files.readString(i, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path dir(Path pack, Dialect dialect) {
    return pack.resolve("index-gate").resolve(dialect.label());
  }
}
