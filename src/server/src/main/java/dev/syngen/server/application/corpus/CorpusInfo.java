package dev.syngen.server.application.corpus;

import dev.syngen.core.corpus.CorpusSource;
import java.time.Instant;

/**
 * What the history database records about a corpus, without its values.
 *
 * @param name the corpus name
 * @param status the lifecycle status ({@code ready})
 * @param sha256 the content hash
 * @param source how the file is read
 * @param allowPersonalData whether personal-looking values were explicitly allowed
 * @param size the number of values
 * @param distinct the number of distinct values
 * @param bytes the size of the file as uploaded
 * @param fileName the uploaded file's name
 * @param createdAt when it became ready
 * @param createdBy who uploaded it
 */
public record CorpusInfo(
    String name,
    String status,
    String sha256,
    CorpusSource source,
    boolean allowPersonalData,
    int size,
    int distinct,
    long bytes,
    String fileName,
    Instant createdAt,
    String createdBy) {}
