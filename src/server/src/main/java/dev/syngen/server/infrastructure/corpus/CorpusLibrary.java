package dev.syngen.server.infrastructure.corpus;

import dev.syngen.core.corpus.Corpus;
import dev.syngen.core.corpus.CorpusAdmission;
import dev.syngen.core.corpus.CorpusCatalog;
import dev.syngen.core.corpus.CorpusNames;
import dev.syngen.core.corpus.CorpusRules;
import dev.syngen.io.corpus.BundledCorpora;
import dev.syngen.server.application.corpus.CorpusInfo;
import dev.syngen.server.infrastructure.config.SyngenSettings;
import dev.syngen.server.infrastructure.persistence.JpaCorpusStore;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The corpora runs pick from: those in the history database (shared by every server), then those
 * shipped in {@code <scenarios>/corpora}. A corpus's values are read and checked once per content
 * hash and kept in memory (the most recently used {@value #CACHED} hashes), so a replaced corpus is
 * read again and an unchanged one never is.
 */
@ApplicationScoped
public class CorpusLibrary implements CorpusCatalog {
  static final int CACHED = 32;

  @Inject JpaCorpusStore store;
  @Inject SyngenSettings settings;

  private BundledCorpora bundled;

  private final Map<String, Corpus> byHash =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Corpus> eldest) {
          return size() > CACHED;
        }
      };

  @PostConstruct
  void open() {
    bundled = new BundledCorpora(settings.scenariosDir().resolve("corpora"));
  }

  @Override
  public Optional<Corpus> find(String name) {
    if (!CorpusNames.isSafe(name)) {
      return Optional.empty();
    }
    Optional<CorpusInfo> info = store.find(name);
    return info.isPresent() ? Optional.ofNullable(values(info.get())) : bundled.find(name);
  }

  @Override
  public Collection<String> names() {
    TreeSet<String> names = new TreeSet<>(bundled.names());
    store.list().forEach(c -> names.add(c.name()));
    return names;
  }

  /** The corpora shipped with the scenarios (read-only). */
  public BundledCorpora bundled() {
    return bundled;
  }

  /** True when the values of content {@code sha256} are held in memory. */
  public synchronized boolean cached(String sha256) {
    return byHash.containsKey(sha256);
  }

  private Corpus values(CorpusInfo info) {
    Corpus c;
    synchronized (this) {
      c = byHash.get(info.sha256());
    }
    if (c == null) {
      byte[] bytes = store.content(info.name()).orElse(null);
      if (bytes == null) {
        return null;
      }
      CorpusAdmission.Admission a =
          CorpusAdmission.admit(
              info.name(),
              bytes,
              info.source(),
              CorpusRules.DEFAULTS
                  .allowingPersonalData(info.allowPersonalData())
                  .withMaxBytes(Math.max(bytes.length, CorpusRules.DEFAULTS.maxBytes())));
      if (!a.ready()) {
        return null;
      }
      c = a.corpus();
      synchronized (this) {
        byHash.put(c.hash(), c);
      }
    }
    return c.name().equals(info.name())
        ? c
        : new Corpus(info.name(), c.hash(), c.content(), c.source());
  }
}
