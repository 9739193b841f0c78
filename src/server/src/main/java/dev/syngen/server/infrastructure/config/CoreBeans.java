package dev.syngen.server.infrastructure.config;

import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.generate.builtin.CorpusPick;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.io.Targets;
import dev.syngen.server.infrastructure.corpus.CorpusLibrary;
import dev.syngen.server.infrastructure.llm.LlmCatalog;
import dev.syngen.server.infrastructure.messaging.ContainerConnectionFactories;
import dev.syngen.server.infrastructure.messaging.JtaTransactions;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;

/**
 * The stateless core objects the server shares: generator registry (llm_text checked offline
 * against the current provider profiles; runs bind their own; corpus columns read the history
 * database's corpora), plan compiler, target kinds (JMS through the container's connection
 * factories and transactions), clock.
 */
@ApplicationScoped
public class CoreBeans {
  /**
   * JDBC drivers packaged in the application. java.sql.DriverManager discovers drivers only on the
   * JVM class path, so the application registers its own before any target is opened.
   */
  private static final List<String> DRIVERS =
      List.of("org.postgresql.Driver", "org.sqlite.JDBC", "org.mariadb.jdbc.Driver");

  @Inject JtaTransactions transactions;
  @Inject LlmCatalog llm;
  @Inject CorpusLibrary corpora;

  private GeneratorRegistry generators;
  private PlanCompiler compiler;

  private Targets targets;

  public CoreBeans() {
    for (String driver : DRIVERS) {
      try {
        Class.forName(driver, true, CoreBeans.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("the JDBC driver " + driver + " is not packaged", e);
      }
    }
  }

  @Produces
  GeneratorRegistry generators() {
    return generators;
  }

  @Produces
  PlanCompiler compiler() {
    return compiler;
  }

  @PostConstruct
  void open() {
    generators =
        GeneratorRegistry.builtins().with(llm.checkingFactory(), CorpusPick.factory(corpora));
    compiler = new PlanCompiler(generators);
    targets = Targets.builtins(new ContainerConnectionFactories(), transactions);
  }

  @Produces
  Targets targets() {
    return targets;
  }

  @Produces
  Clock clock() {
    return Clock.systemUTC();
  }
}
