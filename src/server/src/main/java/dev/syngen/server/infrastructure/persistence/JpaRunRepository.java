package dev.syngen.server.infrastructure.persistence;

import dev.syngen.core.engine.RunRecord;
import dev.syngen.core.engine.RunRepository;
import dev.syngen.core.engine.RunStatus;
import dev.syngen.server.application.run.RunListing;
import dev.syngen.server.application.run.RunQuery;
import dev.syngen.server.application.run.RunSpec;
import dev.syngen.server.application.target.TargetSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Run records in the run-history database through JPA; each call is its own transaction. */
@ApplicationScoped
@Transactional
public class JpaRunRepository implements RunRepository {
  /** EclipseLink query hints: load entity rows with the run (find) or in one batch (lists). */
  private static final String JOIN_FETCH = "eclipselink.left-join-fetch";

  private static final String BATCH = "eclipselink.batch";
  // IN, not EclipseLink's default JOIN: a JOIN batch repeats the query without its page limit, so
  // a page of 20 runs read the entities of every run in the history and sorted them.
  private static final String BATCH_TYPE = "eclipselink.batch.type";

  @PersistenceContext(unitName = "syngen")
  EntityManager em;

  private final JsonColumns json = new JsonColumns();
  private final RunMapping mapping = new RunMapping(json);

  /** Records a new run with what a restart or rerun needs to reproduce it. */
  public void create(RunRecord run, RunSpec spec) {
    RunRecordEntity e = new RunRecordEntity();
    mapping.copy(run, e);
    e.scenarioDocument = spec.scenarioDocument();
    e.targetSpecJson = json.write(spec.target().tree());
    e.batchSize = spec.batchSize();
    e.traceId = spec.traceId();
    e.createdBy = spec.createdBy();
    e.rerunOf = spec.rerunOf();
    em.persist(e);
  }

  @Override
  public void save(RunRecord run) {
    RunRecordEntity e = em.find(RunRecordEntity.class, run.id());
    if (e == null) {
      e = new RunRecordEntity();
      mapping.copy(run, e);
      em.persist(e);
    } else {
      mapping.copy(run, e);
    }
  }

  /** One query for the run and its entity rows. */
  @Override
  public Optional<RunRecord> find(String id) {
    return em
        .createQuery("SELECT r FROM RunRecordEntity r WHERE r.id = :id", RunRecordEntity.class)
        .setParameter("id", id)
        .setHint(JOIN_FETCH, "r.entities")
        .getResultList()
        .stream()
        .findFirst()
        .map(mapping::record);
  }

  /** A run's status alone, read from the database (no entity rows): what executors poll. */
  public Optional<RunStatus> status(String id) {
    return em
        .createQuery("SELECT r.status FROM RunRecordEntity r WHERE r.id = :id", String.class)
        .setParameter("id", id)
        .getResultList()
        .stream()
        .findFirst()
        .map(RunStatus::parse);
  }

  /** The stored scenario document and target of a run. */
  public Optional<RunSpec> spec(String id) {
    RunRecordEntity e = em.find(RunRecordEntity.class, id);
    if (e == null) {
      return Optional.empty();
    }
    TargetSpec target = json.readTarget(e.targetSpecJson);
    return Optional.of(
        new RunSpec(e.scenarioDocument, target, e.batchSize, e.traceId, e.createdBy, e.rerunOf));
  }

  @Override
  public List<RunRecord> list(int limit, RunStatus status) {
    TypedQuery<RunRecordEntity> q =
        status == null
            ? em.createQuery(
                "SELECT r FROM RunRecordEntity r ORDER BY r.createdAt DESC, r.id DESC",
                RunRecordEntity.class)
            : em.createQuery(
                    "SELECT r FROM RunRecordEntity r WHERE r.status = :status"
                        + " ORDER BY r.createdAt DESC, r.id DESC",
                    RunRecordEntity.class)
                .setParameter("status", status.label());
    return q
        .setMaxResults(limit)
        .setHint(BATCH, "r.entities")
        .setHint(BATCH_TYPE, "IN")
        .getResultList()
        .stream()
        .map(mapping::record)
        .toList();
  }

  /** One page of the history, newest first: {@code limit} runs after skipping {@code offset}. */
  public List<RunRecord> page(int offset, int limit, RunStatus status) {
    TypedQuery<RunRecordEntity> q =
        status == null
            ? em.createQuery(
                "SELECT r FROM RunRecordEntity r ORDER BY r.createdAt DESC, r.id DESC",
                RunRecordEntity.class)
            : em.createQuery(
                    "SELECT r FROM RunRecordEntity r WHERE r.status = :status"
                        + " ORDER BY r.createdAt DESC, r.id DESC",
                    RunRecordEntity.class)
                .setParameter("status", status.label());
    return q
        .setFirstResult(offset)
        .setMaxResults(limit)
        .setHint(BATCH, "r.entities")
        .setHint(BATCH_TYPE, "IN")
        .getResultList()
        .stream()
        .map(mapping::record)
        .toList();
  }

  /** How many runs the history holds, optionally only those in {@code status}. */
  public long count(RunStatus status) {
    return status == null
        ? em.createQuery("SELECT COUNT(r) FROM RunRecordEntity r", Long.class).getSingleResult()
        : em.createQuery(
                "SELECT COUNT(r) FROM RunRecordEntity r WHERE r.status = :status", Long.class)
            .setParameter("status", status.label())
            .getSingleResult();
  }

  /** One page of the runs {@code q} selects, in its order, with who started each. */
  public List<RunListing> page(RunQuery q) {
    String dir = q.ascending() ? " ASC" : " DESC";
    TypedQuery<RunRecordEntity> query =
        em.createQuery(
            "SELECT r FROM RunRecordEntity r"
                + where(q)
                + " ORDER BY r."
                + q.sort()
                + dir
                + (q.sort().equals("id") ? "" : ", r.id" + dir),
            RunRecordEntity.class);
    bind(query, q);
    return query
        .setFirstResult(q.offset())
        .setMaxResults(q.limit())
        .setHint(BATCH, "r.entities")
        .setHint(BATCH_TYPE, "IN")
        .getResultList()
        .stream()
        .map(e -> new RunListing(mapping.record(e), e.createdBy))
        .toList();
  }

  /** How many runs {@code q} selects, whatever its page. */
  public long count(RunQuery q) {
    TypedQuery<Long> query =
        em.createQuery("SELECT COUNT(r) FROM RunRecordEntity r" + where(q), Long.class);
    bind(query, q);
    return query.getSingleResult();
  }

  /** The conditions of {@code q}; values are parameters, the sort field is from an allow-list. */
  private static String where(RunQuery q) {
    List<String> c = new ArrayList<>();
    if (q.status() != null) {
      c.add("r.status = :status");
    }
    if (q.scenario() != null) {
      c.add("LOWER(r.scenarioId) LIKE :scenario ESCAPE '\\'");
    }
    if (q.target() != null) {
      c.add("LOWER(r.targetId) LIKE :target ESCAPE '\\'");
    }
    if (q.user() != null) {
      c.add("LOWER(r.createdBy) LIKE :user ESCAPE '\\'");
    }
    if (q.from() != null) {
      c.add("r.createdAt >= :from");
    }
    if (q.to() != null) {
      c.add("r.createdAt < :to");
    }
    return c.isEmpty() ? "" : " WHERE " + String.join(" AND ", c);
  }

  private static void bind(TypedQuery<?> query, RunQuery q) {
    if (q.status() != null) {
      query.setParameter("status", q.status().label());
    }
    if (q.scenario() != null) {
      query.setParameter("scenario", contains(q.scenario()));
    }
    if (q.target() != null) {
      query.setParameter("target", contains(q.target()));
    }
    if (q.user() != null) {
      query.setParameter("user", contains(q.user()));
    }
    if (q.from() != null) {
      query.setParameter("from", q.from());
    }
    if (q.to() != null) {
      query.setParameter("to", q.to());
    }
  }

  /**
   * A LIKE pattern matching {@code text} anywhere, ignoring case, its wildcards taken literally.
   */
  static String contains(String text) {
    String escaped =
        text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }

  /** Runs recorded as pending or running: after a restart of the server, interrupted ones. */
  public List<RunRecord> unfinished() {
    return em
        .createQuery(
            "SELECT r FROM RunRecordEntity r WHERE r.status IN :statuses ORDER BY r.createdAt",
            RunRecordEntity.class)
        .setParameter("statuses", List.of(RunStatus.PENDING.label(), RunStatus.RUNNING.label()))
        .getResultList()
        .stream()
        .map(mapping::record)
        .toList();
  }
}
