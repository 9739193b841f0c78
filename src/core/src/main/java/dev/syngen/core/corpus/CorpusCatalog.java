package dev.syngen.core.corpus;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where a plan finds ready corpora by name: a directory for the CLI, the database for a server. */
public interface CorpusCatalog {
  /** A catalog with no corpus in it. */
  CorpusCatalog NONE =
      new CorpusCatalog() {
        @Override
        public Optional<Corpus> find(String name) {
          return Optional.empty();
        }

        @Override
        public Collection<String> names() {
          return List.of();
        }
      };

  /** A fixed catalog of these corpora (tests, bundled corpora). */
  static CorpusCatalog of(Collection<Corpus> corpora) {
    java.util.Map<String, Corpus> byName = new java.util.TreeMap<>();
    corpora.forEach(c -> byName.put(c.name(), c));
    return new CorpusCatalog() {
      @Override
      public Optional<Corpus> find(String name) {
        return Optional.ofNullable(byName.get(name));
      }

      @Override
      public Collection<String> names() {
        return byName.keySet();
      }
    };
  }

  /** The ready corpus of that name. */
  Optional<Corpus> find(String name);

  /** The names of the ready corpora, for "did you mean" hints. */
  Collection<String> names();

  /** A catalog that looks in this one first and then in {@code next}. */
  default CorpusCatalog then(CorpusCatalog next) {
    CorpusCatalog first = this;
    return new CorpusCatalog() {
      @Override
      public Optional<Corpus> find(String name) {
        Optional<Corpus> c = first.find(name);
        return c.isPresent() ? c : next.find(name);
      }

      @Override
      public Collection<String> names() {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(first.names());
        all.addAll(next.names());
        return all;
      }
    };
  }
}
