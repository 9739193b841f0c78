package dev.syngen.io.corpus;

import dev.syngen.core.corpus.Corpus;
import dev.syngen.core.corpus.CorpusAdmission;
import dev.syngen.core.corpus.CorpusCatalog;
import dev.syngen.core.corpus.CorpusNames;
import dev.syngen.core.corpus.CorpusRules;
import dev.syngen.core.corpus.CorpusSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The corpora shipped beside the scenarios, {@code <scenarios>/corpora/<name>.txt} (one value per
 * line) or {@code <name>.csv} (a {@code value} column and an optional {@code weight} column),
 * admitted under the default rules when first asked for. A file that is not ready is not found;
 * {@link #problem} says why.
 */
public final class BundledCorpora implements CorpusCatalog {
  private final Path dir;
  private final Map<String, CorpusAdmission.Admission> admitted = new ConcurrentHashMap<>();

  public BundledCorpora(Path dir) {
    this.dir = dir;
  }

  public Path directory() {
    return dir;
  }

  @Override
  public Optional<Corpus> find(String name) {
    return admission(name).map(CorpusAdmission.Admission::corpus);
  }

  /** Why the bundled file of that name is not ready, if it exists and is not. */
  public Optional<String> problem(String name) {
    return admission(name).filter(a -> !a.ready()).map(CorpusAdmission.Admission::reason);
  }

  /** The admission of the bundled file of that name (ready or rejected), if there is one. */
  public Optional<CorpusAdmission.Admission> admission(String name) {
    if (!CorpusNames.isSafe(name)) {
      return Optional.empty();
    }
    CorpusAdmission.Admission a = admitted.get(name);
    if (a != null) {
      return Optional.of(a);
    }
    Optional<CorpusAdmission.Admission> read = read(name);
    read.ifPresent(r -> admitted.put(name, r));
    return read;
  }

  @Override
  public Collection<String> names() {
    TreeSet<String> names = new TreeSet<>();
    if (!Files.isDirectory(dir)) {
      return names;
    }
    try (Stream<Path> files = Files.list(dir)) {
      files
          .map(f -> f.getFileName().toString())
          .filter(f -> f.endsWith(".txt") || f.endsWith(".csv"))
          .map(f -> f.substring(0, f.length() - 4))
          .filter(CorpusNames::isSafe)
          .forEach(names::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list corpora in " + dir, e);
    }
    return names;
  }

  private Optional<CorpusAdmission.Admission> read(String name) {
    try {
      Path txt = dir.resolve(name + ".txt");
      Path csv = dir.resolve(name + ".csv");
      if (Files.isRegularFile(txt)) {
        return Optional.of(
            CorpusAdmission.admit(
                name, Files.readAllBytes(txt), CorpusSource.TEXT, CorpusRules.DEFAULTS));
      }
      if (Files.isRegularFile(csv)) {
        byte[] bytes = Files.readAllBytes(csv);
        String header = new String(bytes, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        boolean weighted = java.util.Arrays.asList(header.split(",")).contains("weight");
        return Optional.of(
            CorpusAdmission.admit(
                name,
                bytes,
                new CorpusSource("csv", "value", weighted ? "weight" : null),
                CorpusRules.DEFAULTS));
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read corpus '" + name + "' in " + dir, e);
    }
  }
}
