package dev.syngen.server.application.corpus;

/**
 * A corpus file sent to the server.
 *
 * @param name the corpus name
 * @param fileName the file's name as sent (decides text or csv when no column is given)
 * @param content the file's bytes
 * @param column the CSV column holding the values, or null
 * @param weightsColumn the CSV column holding relative weights, or null
 * @param allowPersonalData true to accept values that look like personal data
 * @param replace true to replace a corpus of the same name
 */
public record CorpusUpload(
    String name,
    String fileName,
    byte[] content,
    String column,
    String weightsColumn,
    boolean allowPersonalData,
    boolean replace) {}
