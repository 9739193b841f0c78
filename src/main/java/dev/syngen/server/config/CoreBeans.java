package dev.syngen.server.config;

import dev.syngen.core.generate.GeneratorRegistry;
import dev.syngen.core.plan.PlanCompiler;
import dev.syngen.io.Targets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The stateless core objects the server shares: plan compiler, target kinds, clock. */
@ApplicationScoped
public class CoreBeans {
  private final PlanCompiler compiler = new PlanCompiler(GeneratorRegistry.builtins());
  private final Targets targets = Targets.builtins();

  @Produces
  PlanCompiler compiler() {
    return compiler;
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
