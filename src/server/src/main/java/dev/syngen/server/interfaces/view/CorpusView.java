package dev.syngen.server.interfaces.view;

import dev.syngen.server.application.corpus.CorpusDetail;
import dev.syngen.server.application.corpus.CorpusInfo;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;

/**
 * A corpus as the API shows it; {@code top_values}, {@code sample} and {@code history} are filled
 * for one corpus and empty in the list.
 */
public record CorpusView(
    String name,
    String status,
    String origin,
    String sha256,
    String format,
    String column,
    String weightsColumn,
    boolean allowPersonalData,
    int size,
    int distinct,
    long bytes,
    String fileName,
    Instant createdAt,
    String createdBy,
    boolean cached,
    String reason,
    List<String> scenarios,
    List<Share> topValues,
    List<String> sample,
    List<Step> history) {
  /** A value and its share of the corpus's weight. */
  public record Share(String value, double share) {}

  /**
   * One lifecycle change from the audit log, with the log schema's field names; {@code at} and
   * {@code actor} repeat {@code timestamp} and {@code user} for clients of earlier versions.
   */
  @JsonbPropertyOrder({"timestamp", "user", "action", "detail"})
  public record Step(Instant timestamp, String user, String action, String detail) {
    /** Deprecated alias of {@code timestamp}, removed in a later version. */
    @Deprecated
    @JsonbProperty("at")
    public Instant getAt() {
      return timestamp;
    }

    /** Deprecated alias of {@code user}, removed in a later version. */
    @Deprecated
    @JsonbProperty("actor")
    public String getActor() {
      return user;
    }
  }

  public static CorpusView of(CorpusDetail d) {
    CorpusInfo i = d.info();
    return new CorpusView(
        i.name(),
        i.status(),
        d.origin(),
        i.sha256(),
        i.source().format(),
        i.source().column(),
        i.source().weightsColumn(),
        i.allowPersonalData(),
        i.size(),
        i.distinct(),
        i.bytes(),
        i.fileName(),
        i.createdAt(),
        i.createdBy(),
        d.cached(),
        d.reason(),
        d.scenarios(),
        d.top().stream().map(s -> new Share(s.value(), s.share())).toList(),
        d.sample(),
        d.history().stream()
            .map(s -> new Step(s.at(), s.actor(), s.action(), s.detail()))
            .toList());
  }

  /** What an upload answers: the recorded corpus without the explorer's extras. */
  public static CorpusView of(CorpusInfo i) {
    return of(
        new CorpusDetail(i, "uploaded", List.of(), List.of(), List.of(), List.of(), false, ""));
  }
}
