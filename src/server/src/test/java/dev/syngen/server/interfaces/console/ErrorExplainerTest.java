package dev.syngen.server.interfaces.console;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ErrorExplainerTest {
  @Test
  void explainsARefusedConnectionWithTheTestAsFix() {
    Explanation e =
        ErrorExplainer.explain(
            "postgres target jdbc:postgresql://127.0.0.1:1/test: preparing tables in schema public"
                + " failed: Connection to 127.0.0.1:1 refused. Check that the hostname and port");
    assertTrue(e.cause().contains("nothing answered at its host and port"), e.cause());
    assertTrue(e.fix().contains("Test"), e.fix());
  }

  @Test
  void explainsAnUnknownErrorWithTheLogAsFix() {
    Explanation e = ErrorExplainer.explain("something odd");
    assertTrue(e.fix().contains("log"), e.fix());
  }

  @Test
  void noErrorNoExplanation() {
    assertNull(ErrorExplainer.explain(null));
    assertNull(ErrorExplainer.explain(" "));
  }
}
