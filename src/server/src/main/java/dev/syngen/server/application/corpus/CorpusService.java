package dev.syngen.server.application.corpus;

import java.util.List;

/** Corpus use cases: every upload is checked before anything is stored, and audited. */
public interface CorpusService {
  /** Every corpus: uploaded ones and those shipped with the scenarios. */
  List<CorpusDetail> list();

  /** One corpus with its top values, sample, scenarios and history; 404 if unknown. */
  CorpusDetail get(String name);

  /** Checks and stores a corpus; a rejected file stores nothing and throws its problems. */
  CorpusInfo upload(CorpusUpload upload);

  /** Deletes an uploaded corpus; 404 if unknown. */
  void delete(String name);
}
