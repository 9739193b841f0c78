package dev.syngen.server.interfaces.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The version the console's scripts and styles are linked with ({@code console.js?v=…}), so a
 * browser never runs a cached script of an older release against a newer page.
 */
@Named
@ApplicationScoped
public class ConsoleAssets {
  @Inject
  @ConfigProperty(name = "syngen.version")
  String version;

  public String getVersion() {
    return version;
  }
}
