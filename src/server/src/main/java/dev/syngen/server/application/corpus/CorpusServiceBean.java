package dev.syngen.server.application.corpus;

import dev.syngen.core.corpus.Corpus;
import dev.syngen.core.corpus.CorpusAdmission;
import dev.syngen.core.corpus.CorpusEvent;
import dev.syngen.core.corpus.CorpusNames;
import dev.syngen.core.corpus.CorpusSource;
import dev.syngen.core.corpus.CorpusStatus;
import dev.syngen.core.corpus.CorpusUsage;
import dev.syngen.core.problem.Problems;
import dev.syngen.io.corpus.BundledCorpora;
import dev.syngen.server.application.audit.AuditEntry;
import dev.syngen.server.application.error.ApiException;
import dev.syngen.server.application.scenario.ScenarioCatalog;
import dev.syngen.server.application.scenario.ScenarioFile;
import dev.syngen.server.infrastructure.config.CorpusSettings;
import dev.syngen.server.infrastructure.corpus.CorpusLibrary;
import dev.syngen.server.infrastructure.persistence.JpaAuditLog;
import dev.syngen.server.infrastructure.persistence.JpaCorpusStore;
import dev.syngen.server.infrastructure.security.RequestTrace;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Corpus use cases: check, store, audit; reads see uploaded and shipped corpora. */
@Stateless
public class CorpusServiceBean implements CorpusService {
  private static final int TOP = 15;
  private static final int SAMPLE = 20;
  private static final int HISTORY = 100;

  /** The audit actions of a corpus in the order its lifecycle takes them. */
  private static final List<String> LIFECYCLE =
      List.of(
          "corpus.registered",
          "corpus.rejected",
          "corpus.validated",
          "corpus.ready",
          "corpus.delete");

  @Resource SessionContext session;
  @Inject JpaCorpusStore store;
  @Inject JpaAuditLog audit;
  @Inject CorpusLibrary library;
  @Inject CorpusSettings settings;
  @Inject ScenarioCatalog scenarios;
  @Inject RequestTrace trace;
  @Inject Clock clock;

  @Override
  @PermitAll
  public List<CorpusDetail> list() {
    List<ScenarioFile> all = scenarios.list();
    List<CorpusDetail> out = new ArrayList<>();
    List<String> uploaded = new ArrayList<>();
    for (CorpusInfo info : store.list()) {
      uploaded.add(info.name());
      out.add(summary(info, "uploaded", all, ""));
    }
    BundledCorpora bundled = library.bundled();
    for (String name : bundled.names()) {
      if (!uploaded.contains(name)) {
        bundled
            .admission(name)
            .ifPresent(a -> out.add(summary(shipped(name, a), "shipped", all, a.reason())));
      }
    }
    out.sort(java.util.Comparator.comparing(d -> d.info().name()));
    return out;
  }

  @Override
  @PermitAll
  public CorpusDetail get(String name) {
    List<ScenarioFile> all = scenarios.list();
    Optional<CorpusInfo> info = CorpusNames.isSafe(name) ? store.find(name) : Optional.empty();
    if (info.isPresent()) {
      Corpus c =
          library
              .find(name)
              .orElseThrow(
                  () -> ApiException.conflict("corpus '" + name + "' no longer passes its checks"));
      return new CorpusDetail(
          info.get(),
          "uploaded",
          c.content().top(TOP),
          c.content().sample(SAMPLE),
          using(name, all),
          history(name),
          library.cached(c.hash()),
          "");
    }
    CorpusAdmission.Admission a =
        library.bundled().admission(name).orElseThrow(() -> ApiException.notFound(unknown(name)));
    return new CorpusDetail(
        shipped(name, a),
        "shipped",
        a.ready() ? a.corpus().content().top(TOP) : List.of(),
        a.ready() ? a.corpus().content().sample(SAMPLE) : List.of(),
        using(name, all),
        List.of(),
        false,
        a.reason());
  }

  @Override
  @RolesAllowed("admin")
  public CorpusInfo upload(CorpusUpload u) {
    Problems problems = new Problems();
    CorpusNames.check(u.name(), "name", problems);
    problems.throwIfAny("corpus");
    if (!u.replace() && store.find(u.name()).isPresent()) {
      throw ApiException.conflict(
          "a corpus named '"
              + u.name()
              + "' exists; send replace=true to replace it, or DELETE /api/v1/corpora/"
              + u.name()
              + " first");
    }
    CorpusSource source = CorpusSource.forFile(u.fileName(), u.column(), u.weightsColumn());
    Instant received = clock.instant();
    CorpusAdmission.Admission a =
        CorpusAdmission.admit(u.name(), u.content(), source, settings.rules(u.allowPersonalData()));
    if (!a.ready()) {
      Problems rejected = new Problems();
      a.problems().forEach(p -> rejected.add(p.path(), p.message(), p.fix()));
      rejected.throwIfAny("corpus '" + u.name() + "' is rejected");
    }
    Corpus c = a.corpus();
    Instant now = clock.instant();
    CorpusInfo info =
        new CorpusInfo(
            u.name(),
            CorpusStatus.READY.label(),
            c.hash(),
            source,
            u.allowPersonalData(),
            c.content().size(),
            c.content().distinct(),
            u.content().length,
            u.fileName(),
            now,
            caller());
    store.save(info, u.content());
    for (CorpusEvent e : a.events()) {
      Instant at = e.status() == CorpusStatus.REGISTERED ? received : now;
      record(at, "corpus." + e.status().label(), u.name(), e.detail());
    }
    return info;
  }

  @Override
  @RolesAllowed("admin")
  public void delete(String name) {
    if (!CorpusNames.isSafe(name) || !store.delete(name)) {
      throw ApiException.notFound(unknown(name));
    }
    record(
        clock.instant(),
        "corpus.delete",
        name,
        "removed; runs naming it fail to plan until it is uploaded again");
  }

  private CorpusDetail summary(
      CorpusInfo info, String origin, List<ScenarioFile> all, String reason) {
    return new CorpusDetail(
        info,
        origin,
        List.of(),
        List.of(),
        using(info.name(), all),
        List.of(),
        library.cached(info.sha256()),
        reason);
  }

  private static CorpusInfo shipped(String name, CorpusAdmission.Admission a) {
    Corpus c = a.corpus();
    return new CorpusInfo(
        name,
        a.status().label(),
        c == null ? "" : c.hash(),
        c == null ? CorpusSource.TEXT : c.source(),
        false,
        c == null ? 0 : c.content().size(),
        c == null ? 0 : c.content().distinct(),
        0,
        null,
        null,
        "shipped");
  }

  private static List<String> using(String name, List<ScenarioFile> all) {
    return all.stream()
        .filter(f -> f.scenario() != null && CorpusUsage.names(f.scenario()).contains(name))
        .map(ScenarioFile::id)
        .toList();
  }

  /**
   * The corpus's audit entries, oldest first. Steps recorded in one transaction may share a time
   * and reach the database in any order, so those are put in lifecycle order.
   */
  private List<CorpusDetail.Step> history(String name) {
    List<CorpusDetail.Step> steps = new ArrayList<>();
    for (AuditEntry e : audit.newest(HISTORY, subject(name))) {
      steps.add(new CorpusDetail.Step(e.time(), e.actor(), e.action(), e.details()));
    }
    steps.sort(
        java.util.Comparator.comparing(CorpusDetail.Step::at)
            .thenComparing(s -> LIFECYCLE.indexOf(s.action())));
    return steps;
  }

  private String unknown(String name) {
    return "no corpus '"
        + name
        + "'"
        + dev.syngen.core.generate.GeneratorRegistry.closest(String.valueOf(name), library.names())
            .map(n -> "; did you mean '" + n + "'?")
            .orElse("")
        + "; GET /api/v1/corpora lists them";
  }

  private void record(Instant at, String action, String name, String details) {
    audit.append(new AuditEntry(at, caller(), action, subject(name), details, trace.traceId()));
  }

  private static String subject(String name) {
    return "corpus:" + name;
  }

  private String caller() {
    return session.getCallerPrincipal().getName();
  }
}
