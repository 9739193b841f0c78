package dev.syngen.server.application.llm;

import dev.syngen.io.llm.LlmCacheTransfer;
import dev.syngen.server.application.audit.AuditEntry;
import dev.syngen.server.infrastructure.llm.LlmCatalog;
import dev.syngen.server.infrastructure.persistence.JpaAuditLog;
import dev.syngen.server.infrastructure.persistence.JpaLlmAnswers;
import dev.syngen.server.infrastructure.security.RequestTrace;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.util.List;

/**
 * The server's llm_text answer cache in the run-history database: its size, an export in the
 * command line's format (so a dataset regenerates offline anywhere), and an import of such an
 * export (admin, audited; every line checked before anything is added).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LlmCacheService {
  private static final int PAGE = 500;

  @Inject LlmCatalog catalog;
  @Inject JpaLlmAnswers answers;
  @Inject JpaAuditLog audit;
  @Inject RequestTrace trace;
  @Inject Clock clock;
  @Resource SessionContext session;

  @PermitAll
  public long entries() {
    return answers.count();
  }

  /** Writes every entry, sorted by key, a page of keys at a time; returns how many. */
  @PermitAll
  public long export(Writer out) throws IOException {
    long n = 0;
    String after = "";
    while (true) {
      List<String> keys = answers.keys(after, PAGE);
      n += LlmCacheTransfer.export(catalog.cache(), keys, out);
      if (keys.size() < PAGE) {
        return n;
      }
      after = keys.get(keys.size() - 1);
    }
  }

  /**
   * Adds the entries of an export that the cache lacks; throws a {@link
   * dev.syngen.core.problem.ValidationException} naming every bad line, and adds nothing then.
   */
  @RolesAllowed("admin")
  public LlmCacheTransfer.Imported importFrom(String ndjson) {
    LlmCacheTransfer.Imported r;
    try {
      r =
          LlmCacheTransfer.importInto(
              catalog.cache(), new BufferedReader(new StringReader(ndjson)), "request body");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    audit.append(
        new AuditEntry(
            clock.instant(),
            session.getCallerPrincipal().getName(),
            "llm.cache.import",
            "llm:cache",
            r.added()
                + " added, "
                + r.present()
                + " already present, "
                + r.conflicts()
                + " conflicts kept the stored answer",
            trace.traceId()));
    return r;
  }
}
