package dev.syngen.io.message;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syngen.core.problem.Problems;
import dev.syngen.core.sink.SinkException;
import dev.syngen.core.sink.TargetProfile;
import dev.syngen.core.sink.TargetTestResult;
import dev.syngen.io.http.HttpSinkFactory;
import dev.syngen.io.jms.JmsSinkFactory;
import dev.syngen.io.nats.NatsSinkFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the message targets share: one kind, validation, and a failed test that says the fix. */
class MessageSinkFactoryTest {
  @Test
  void anUnreachableTargetFailsItsTestWithTheRedactedDsnAndAFix() {
    TargetTestResult nats =
        new NatsSinkFactory()
            .test(
                new TargetProfile(
                    "n", null, "nats", "nats://app:s3cret@127.0.0.1:1", null, Map.of()));
    assertFalse(nats.ok());
    assertTrue(nats.error().startsWith("cannot reach nats at "), nats.error());
    assertTrue(nats.error().endsWith(". Fix: start the server or correct the dsn"), nats.error());
    assertFalse(nats.error().contains("s3cret"), nats.error());

    TargetTestResult http =
        new HttpSinkFactory()
            .test(new TargetProfile("h", null, "http", "http://127.0.0.1:1/in", null, Map.of()));
    assertFalse(http.ok());
    assertTrue(http.error().startsWith("cannot reach http://127.0.0.1:1/in: "), http.error());
    assertTrue(http.error().endsWith("Fix: start the receiver or correct the dsn"), http.error());
  }

  @Test
  void anInvalidProfileIsReportedByValidateAndRefusedByOpenAndTest() {
    TargetProfile bad = new TargetProfile("j", null, "jms", "", null, Map.of("nonsense", "1"));
    JmsSinkFactory jms = new JmsSinkFactory();
    Problems problems = new Problems();
    jms.validate(bad, problems);
    assertFalse(problems.isEmpty());
    assertTrue(jms.kinds().contains("jms"));
    try {
      jms.open(bad);
      throw new AssertionError("an invalid profile opened a sink");
    } catch (SinkException expected) {
      assertTrue(expected.getMessage().contains("j"), expected.getMessage());
    }
    TargetTestResult t = jms.test(bad);
    assertFalse(t.ok());
    assertTrue(t.error().startsWith("cannot reach the jms broker at "), t.error());
  }
}
