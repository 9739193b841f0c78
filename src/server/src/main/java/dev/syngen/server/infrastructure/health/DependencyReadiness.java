package dev.syngen.server.infrastructure.health;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

/**
 * Makes every dependency its own named readiness check. MicroProfile Health knows only the checks
 * that exist as beans when the application starts, while targets come and go over REST; so this
 * extension registers {@link #SLOTS} readiness beans, and slot {@code i} reports the {@code i}-th
 * entry of {@link DependencyStatus#current()} (see {@link DependencySlot} for unused slots).
 */
public class DependencyReadiness implements Extension {
  /** Named checks available; with more dependencies, the last slot reports the rest together. */
  static final int SLOTS = 32;

  void registerSlots(@Observes AfterBeanDiscovery event, BeanManager beans) {
    for (int i = 0; i < SLOTS; i++) {
      int slot = i;
      event
          .addBean()
          .id(DependencyReadiness.class.getName() + "#" + slot)
          .beanClass(DependencySlot.class)
          .types(HealthCheck.class, Object.class)
          .qualifiers(Readiness.Literal.INSTANCE, Any.Literal.INSTANCE)
          .scope(Dependent.class)
          .createWith(context -> new DependencySlot(slot, beans));
    }
  }
}
