package dev.syngen.server.interfaces.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.syngen.server.application.target.StoredTarget;
import dev.syngen.server.application.target.TargetSpec;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetViewTest {
  @Test
  void dsnsAndSecretLookingOptionsAreHidden() {
    TargetSpec spec =
        new TargetSpec(
            "w",
            null,
            "postgres",
            "postgres://etl:letmein@db:5432/dw",
            "s",
            Map.of("copy_format", "binary", "api_token", "abc123"));

    TargetView v = TargetView.of(new StoredTarget(spec, "api", Instant.EPOCH, Instant.EPOCH));

    assertEquals("postgres://etl:***@db:5432/dw", v.dsn());
    assertEquals("w", v.name(), "the id names a target without a name");
    assertEquals(Map.of("copy_format", "binary", "api_token", "***"), v.options());
  }
}
