package dev.syngen.server.infrastructure.config;

import dev.syngen.core.corpus.CorpusRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The limits an uploaded corpus must keep (docs/corpora.md); each overridable by config. */
@ApplicationScoped
public class CorpusSettings {
  @Inject
  @ConfigProperty(name = "syngen.corpora.max-bytes", defaultValue = "1048576")
  long maxBytes;

  @Inject
  @ConfigProperty(name = "syngen.corpora.max-values", defaultValue = "100000")
  int maxValues;

  @Inject
  @ConfigProperty(name = "syngen.corpora.max-duplicate-share", defaultValue = "0.5")
  double maxDuplicateShare;

  /** The largest accepted corpus file, in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  /** The rules of an upload; personal data only when the upload allows it. */
  public CorpusRules rules(boolean allowPersonalData) {
    return new CorpusRules(maxBytes, maxValues, maxDuplicateShare, allowPersonalData);
  }
}
