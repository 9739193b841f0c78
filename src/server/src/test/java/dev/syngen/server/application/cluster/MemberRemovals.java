package dev.syngen.server.application.cluster;

import dev.syngen.server.application.audit.AuditEntry;
import dev.syngen.server.application.batch.BatchSettings;
import dev.syngen.server.infrastructure.persistence.JpaAuditLog;
import dev.syngen.server.infrastructure.persistence.JpaClusterMembers;
import dev.syngen.server.infrastructure.security.RequestTrace;
import jakarta.ejb.SessionContext;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A {@link MemberRemoval} without a container, for its own tests and the console's: the member
 * table, the time, whether the server is clustered and the caller are given; audit entries are
 * collected in a list and every request's trace id is {@code trace-1}.
 */
public final class MemberRemovals {
  private MemberRemovals() {}

  public static MemberRemoval of(
      JpaClusterMembers store,
      Instant now,
      BooleanSupplier clustered,
      List<AuditEntry> audited,
      String caller) {
    MemberRemoval r = new MemberRemoval();
    r.members = store;
    r.settings =
        new BatchSettings() {
          @Override
          public boolean clustered() {
            return clustered.getAsBoolean();
          }
        };
    r.audit = MemberRemovals.auditInto(audited);
    r.trace =
        new RequestTrace() {
          @Override
          public String traceId() {
            return "trace-1";
          }
        };
    r.clock = Clock.fixed(now, ZoneOffset.UTC);
    Principal principal = () -> caller;
    r.session =
        (SessionContext)
            Proxy.newProxyInstance(
                MemberRemovals.class.getClassLoader(),
                new Class<?>[] {SessionContext.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getCallerPrincipal")) {
                    return principal;
                  }
                  throw new UnsupportedOperationException(method.getName());
                });
    return r;
  }

  /** An audit log that keeps what is appended in {@code audited}, for the cluster tests. */
  static JpaAuditLog auditInto(List<AuditEntry> audited) {
    return new JpaAuditLog() {
      @Override
      public void append(AuditEntry entry) {
        audited.add(entry);
      }
    };
  }
}
