package dev.syngen.core.corpus;

/**
 * A ready corpus: its name, the hash of its normalised content and the content itself.
 *
 * @param name the name scenarios use ({@code corpus: {name: ...}})
 * @param hash SHA-256 of the normalised content; enters the config hash of plans that use it
 * @param content the values and optional weights
 * @param source how the file was read
 */
public record Corpus(String name, String hash, CorpusContent content, CorpusSource source) {
  public static Corpus of(String name, CorpusContent content, CorpusSource source) {
    return new Corpus(name, content.hash(), content, source);
  }
}
