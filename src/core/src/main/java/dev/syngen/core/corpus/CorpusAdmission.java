package dev.syngen.core.corpus;

import dev.syngen.core.problem.Problem;
import dev.syngen.core.problem.Problems;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Takes a corpus file through its lifecycle: registered (named and received), validated (readable
 * as UTF-8, not empty, not too large, few enough duplicates, no personal data unless allowed),
 * ready (hashed, usable by runs); or rejected with every reason found. The CLI and the server
 * record the events it returns.
 */
public final class CorpusAdmission {
  private CorpusAdmission() {}

  /**
   * The outcome of admitting a file.
   *
   * @param corpus the ready corpus, or null when rejected
   * @param events the lifecycle steps taken, the last one being the status reached
   * @param problems why it was rejected (field, problem, fix); empty when ready
   */
  public record Admission(Corpus corpus, List<CorpusEvent> events, List<Problem> problems) {
    public CorpusStatus status() {
      return events.get(events.size() - 1).status();
    }

    public boolean ready() {
      return corpus != null;
    }

    /** The rejection reason in one line, or empty. */
    public String reason() {
      return problems.stream()
          .map(p -> p.path() + ": " + p.message())
          .reduce((a, b) -> a + "; " + b)
          .orElse("");
    }
  }

  public static Admission admit(String name, byte[] bytes, CorpusSource source, CorpusRules rules) {
    List<CorpusEvent> events = new ArrayList<>();
    Problems problems = new Problems();
    CorpusNames.check(name, "name", problems);
    source.check(problems);
    if (!problems.isEmpty()) {
      events.add(new CorpusEvent(CorpusStatus.REJECTED, reason(problems)));
      return new Admission(null, events, problems.list());
    }
    events.add(
        new CorpusEvent(
            CorpusStatus.REGISTERED,
            bytes.length + " bytes, " + source.format() + describe(source)));
    CorpusContent content = CorpusReader.read(bytes, source, rules, problems);
    if (content != null) {
      check(content, rules, problems);
    }
    if (!problems.isEmpty()) {
      events.add(new CorpusEvent(CorpusStatus.REJECTED, reason(problems)));
      return new Admission(null, events, problems.list());
    }
    events.add(
        new CorpusEvent(
            CorpusStatus.VALIDATED,
            content.size()
                + " values, "
                + content.distinct()
                + " distinct"
                + (content.weighted() ? ", weighted" : "")));
    Corpus corpus = Corpus.of(name, content, source);
    events.add(new CorpusEvent(CorpusStatus.READY, "sha256 " + corpus.hash()));
    return new Admission(corpus, events, List.of());
  }

  /** The rules that need the whole content: size, duplicates, personal data. */
  static void check(CorpusContent content, CorpusRules rules, Problems problems) {
    if (content.size() > rules.maxValues()) {
      problems.add(
          "file",
          "is too large: " + content.size() + " values, the limit is " + rules.maxValues(),
          "keep at most " + rules.maxValues() + " values");
    }
    Set<String> seen = new HashSet<>();
    int duplicates = 0;
    for (String v : content.values()) {
      if (!seen.add(v)) {
        duplicates++;
      }
    }
    double share = duplicates / (double) content.size();
    if (share > rules.maxDuplicateShare()) {
      problems.add(
          "file",
          String.format(
              java.util.Locale.ROOT,
              "has too many duplicates: %d of %d values (%.0f %%) repeat an earlier one, the"
                  + " limit is %.0f %%",
              duplicates,
              content.size(),
              share * 100,
              rules.maxDuplicateShare() * 100),
          "list each value once and give it a weight in a CSV weights column");
    }
    if (!rules.allowPersonalData()) {
      personalData(content, problems);
    }
  }

  private static void personalData(CorpusContent content, Problems problems) {
    int count = 0;
    int first = -1;
    String kind = null;
    for (int i = 0; i < content.size(); i++) {
      Optional<String> k = PersonalData.kind(content.values().get(i));
      if (k.isPresent()) {
        if (count++ == 0) {
          first = i + 1;
          kind = k.get();
        }
      }
    }
    if (count > 0) {
      // The value itself is not repeated: it may be someone's real address or number.
      problems.add(
          "file",
          "value "
              + first
              + " looks like "
              + kind
              + " ("
              + count
              + " value"
              + (count == 1 ? "" : "s")
              + " look like personal data)",
          "remove personal data, or allow it explicitly (allow_personal_data) if the values are"
              + " made up");
    }
  }

  private static String describe(CorpusSource s) {
    return s.csv()
        ? " column "
            + s.column()
            + (s.weightsColumn() == null ? "" : " weights " + s.weightsColumn())
        : "";
  }

  private static String reason(Problems problems) {
    return problems.list().stream()
        .map(p -> p.path() + ": " + p.message())
        .reduce((a, b) -> a + "; " + b)
        .orElse("");
  }
}
