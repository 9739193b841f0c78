package dev.syngen.server.application.corpus;

import dev.syngen.core.corpus.CorpusContent;
import java.time.Instant;
import java.util.List;

/**
 * One corpus as the explorer shows it.
 *
 * @param info what is recorded about it
 * @param origin {@code uploaded} (history database) or {@code shipped} (scenarios/corpora)
 * @param top the values with the largest shares, largest first
 * @param sample distinct values spread over the file
 * @param scenarios the ids of the scenarios that use it
 * @param history its lifecycle as the audit log recorded it, oldest first
 * @param cached whether its values are held in this server's memory
 * @param reason why a shipped file is not ready (empty otherwise)
 */
public record CorpusDetail(
    CorpusInfo info,
    String origin,
    List<CorpusContent.Share> top,
    List<String> sample,
    List<String> scenarios,
    List<Step> history,
    boolean cached,
    String reason) {
  /** One lifecycle change: when, by whom, the action ({@code corpus.ready}, ...) and its detail. */
  public record Step(Instant at, String actor, String action, String detail) {}
}
