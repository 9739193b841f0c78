package dev.syngen.server.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Gives the built-in users a password where none is configured: at first start, generates one per
 * such user, stores it in the server's configDropins/overrides as a variable default (Liberty picks
 * the file up within a second; it replaces server.xml's locked default, not a configured value) and
 * prints it once in the log. Later starts reuse it silently; once a password is configured, the
 * generated one is removed. Files of earlier versions in configDropins/defaults are moved.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PasswordBootstrap {
  static final String FILE = "zz-syngen-generated-passwords.xml";
  private static final Logger LOG = Logger.getLogger(PasswordBootstrap.class.getName());

  @Inject Config config;

  @PostConstruct
  void ensurePasswords() {
    Path dropins =
        Path.of(config.getValue("syngen.server.config.dir", String.class)).resolve("configDropins");
    Path dir = dropins.resolve("overrides");
    Path file = dir.resolve(FILE);
    Path legacy = dropins.resolve("defaults").resolve(FILE);
    try {
      Map<String, GeneratedPasswords.Entry> stored = read(file);
      if (stored.isEmpty()) {
        stored = read(legacy);
      }
      Map<String, GeneratedPasswords.Entry> wanted = new LinkedHashMap<>();
      SecureRandom random = new SecureRandom();
      for (String role : new String[] {"admin", "viewer"}) {
        String variable = "syngen." + role + ".password";
        GeneratedPasswords.Entry old = stored.get(variable);
        String env = System.getenv("SYNGEN_" + role.toUpperCase(Locale.ROOT) + "_PASSWORD");
        if (configured(variable, env, old)) {
          continue; // a configured password needs no generated one
        }
        String password = old != null ? old.password() : GeneratedPasswords.generate(random);
        wanted.put(variable, new GeneratedPasswords.Entry(password, env != null));
        if (old == null) {
          announce(role, password, file);
        }
      }
      if (!wanted.equals(stored) || !Files.isRegularFile(file)) {
        write(dir, file, GeneratedPasswords.render(wanted));
      }
      Files.deleteIfExists(legacy);
    } catch (IOException e) {
      LOG.severe("cannot store generated passwords in " + file + ": " + e.getMessage());
    }
  }

  private static Map<String, GeneratedPasswords.Entry> read(Path file) throws IOException {
    return Files.isRegularFile(file)
        ? GeneratedPasswords.parse(Files.readString(file, StandardCharsets.UTF_8))
        : new LinkedHashMap<>();
  }

  /**
   * A non-empty password from the environment, a system property or the server configuration (other
   * than server.xml's locked default and the one this class generated).
   */
  private boolean configured(String variable, String env, GeneratedPasswords.Entry generated) {
    if (env != null && !env.isBlank()) {
      return true;
    }
    Optional<String> value = config.getOptionalValue(variable, String.class);
    return value
        .filter(v -> !v.isBlank())
        .filter(v -> !v.equals(GeneratedPasswords.LOCKED))
        .filter(v -> generated == null || !isGenerated(v, generated))
        .isPresent();
  }

  /** Liberty shows server variables to MicroProfile Config as written, so also {xor}-encoded. */
  private static boolean isGenerated(String value, GeneratedPasswords.Entry generated) {
    return value.equals(generated.password())
        || value.equals(GeneratedPasswords.xor(generated.password()));
  }

  private void announce(String role, String password, Path file) {
    LOG.warning(
        "generated the password of syngen user '"
            + user(role)
            + "' ("
            + role
            + "): "
            + password
            + "  (shown once; stored in "
            + file
            + "; set SYNGEN_"
            + role.toUpperCase(Locale.ROOT)
            + "_PASSWORD to choose one)");
  }

  private String user(String role) {
    return config.getOptionalValue("syngen." + role + ".user", String.class).orElse(role);
  }

  private static void write(Path dir, Path file, String text) throws IOException {
    Files.createDirectories(dir);
    if (!text.contains("<variable")) {
      Files.deleteIfExists(file);
      return;
    }
    Path tmp = Files.createTempFile(dir, ".syngen-passwords", ".tmp");
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      LOG.fine("no POSIX permissions on this file system");
    }
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
