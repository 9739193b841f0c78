package dev.syngen.server.application.llm;

import dev.syngen.core.llm.ChatFailure;
import dev.syngen.core.llm.LlmProvider;
import dev.syngen.core.llm.LlmRoute;
import dev.syngen.core.problem.ValidationException;
import dev.syngen.server.application.audit.AuditEntry;
import dev.syngen.server.application.error.ApiException;
import dev.syngen.server.infrastructure.llm.LlmCatalog;
import dev.syngen.server.infrastructure.persistence.JpaAuditLog;
import dev.syngen.server.infrastructure.security.RequestTrace;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/** Lists the LLM provider profiles and tests one; failures become problem documents with a fix. */
@Stateless
public class LlmProviderService {
  private static final Pattern HTTP_STATUS = Pattern.compile("HTTP (\\d{3})");

  @Inject LlmCatalog catalog;
  @Inject ProviderProbe probe;
  @Inject JpaAuditLog audit;
  @Inject dev.syngen.server.infrastructure.persistence.JpaRunLlmUsage usage;
  @Inject RequestTrace trace;
  @Inject Clock clock;
  @Resource SessionContext session;

  /** What runs asked and cost over the last {@code days} UTC days (the console's LLM page). */
  @PermitAll
  public LlmActivity activity(int days) {
    java.time.LocalDate today = clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
    java.time.Instant from =
        today.minusDays(days - 1L).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    return LlmActivity.of(usage.since(from), today, days);
  }

  @PermitAll
  public List<ProviderStatus> list() {
    return profiles().stream()
        .map(p -> new ProviderStatus(p, catalog.keySet(p.apiKeyEnv())))
        .toList();
  }

  /**
   * Outside a transaction: the request may take seconds, and the audit entry (its own transaction)
   * is kept when the test fails.
   */
  @RolesAllowed("admin")
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public LlmRoute.Routed test(String id) {
    LlmProvider p =
        profiles().stream()
            .filter(x -> x.id().equals(id))
            .findFirst()
            .orElseThrow(
                () ->
                    ApiException.notFound(
                        "no LLM provider '"
                            + id
                            + "'; add llm/"
                            + id
                            + ".yaml (see GET /api/v1/llm/providers and docs/llm.md)"));
    audit.append(
        new AuditEntry(
            clock.instant(),
            actor(),
            "llm.test",
            "llm:" + id,
            "model " + p.model() + " at " + host(p),
            trace.traceId()));
    try {
      return probe.probe(id);
    } catch (IllegalArgumentException e) {
      throw new ApiException(
          409,
          "Conflict",
          e.getMessage()
              + " — set "
              + p.apiKeyEnv()
              + " in the server's environment (server.env or the container) and restart it");
    } catch (ChatFailure f) {
      throw new ApiException(
          502,
          "Bad Gateway",
          "provider '"
              + id
              + "' failed: "
              + f.getMessage()
              + " — "
              + fix(f.status() != 0 ? f.status() : httpStatusIn(f.getMessage())));
    } catch (TimeoutException e) {
      throw new ApiException(
          504,
          "Gateway Timeout",
          "provider '"
              + id
              + "' did not answer in time — check that "
              + host(p)
              + " is reachable from the server, or raise the deadline"
              + " (docs/configuration.md, LLM providers)");
    } catch (BulkheadException e) {
      throw ApiException.tooMany("two provider tests are already running; retry shortly", 5);
    }
  }

  /** The provider's HTTP status quoted in a routed failure ("… HTTP 401: …"), or 0. */
  static int httpStatusIn(String message) {
    Matcher m = HTTP_STATUS.matcher(message == null ? "" : message);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static String fix(int status) {
    return switch (status) {
      case 401, 403 -> "check the key in the provider's api_key_env variable";
      case 404 -> "check base_url (the part before /chat/completions) and model";
      case 429 -> "the provider is rate-limiting this key; wait or lower requests_per_second";
      case 0 -> "check base_url and that the provider is reachable from the server";
      default -> "check the provider's status and the profile (docs/llm.md)";
    };
  }

  /** The host of a provider's base URL (what the API shows of it). */
  public static String host(LlmProvider p) {
    try {
      String h = java.net.URI.create(p.baseUrl()).getHost();
      return h == null ? "" : h;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private List<LlmProvider> profiles() {
    try {
      return List.copyOf(catalog.providers().values());
    } catch (ValidationException e) {
      throw new ApiException(
          409, "Conflict", "the LLM provider profiles cannot be read: " + e.getMessage());
    }
  }

  private String actor() {
    return session.getCallerPrincipal().getName();
  }
}
