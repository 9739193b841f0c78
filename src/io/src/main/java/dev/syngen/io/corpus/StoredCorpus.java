package dev.syngen.io.corpus;

import dev.syngen.core.corpus.CorpusEvent;
import dev.syngen.core.corpus.CorpusSource;
import dev.syngen.core.corpus.CorpusStatus;
import java.time.Instant;
import java.util.List;

/**
 * What a corpus directory records about one corpus besides its values.
 *
 * @param name the corpus name
 * @param file the values file, relative to the directory
 * @param source how the file is read
 * @param allowPersonalData whether values that look like personal data were explicitly allowed
 * @param status the lifecycle status reached
 * @param hash the content hash (empty when rejected)
 * @param size the number of values
 * @param distinct the number of distinct values
 * @param history the lifecycle events with their times
 */
public record StoredCorpus(
    String name,
    String file,
    CorpusSource source,
    boolean allowPersonalData,
    CorpusStatus status,
    String hash,
    int size,
    int distinct,
    List<Step> history) {
  /** A lifecycle event and when it happened. */
  public record Step(Instant at, CorpusEvent event) {}
}
