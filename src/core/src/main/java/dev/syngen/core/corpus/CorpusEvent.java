package dev.syngen.core.corpus;

/** One step of a corpus's lifecycle: the status it reached and what was found on the way. */
public record CorpusEvent(CorpusStatus status, String detail) {}
