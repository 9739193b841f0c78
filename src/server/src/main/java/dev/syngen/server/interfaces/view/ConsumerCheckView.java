package dev.syngen.server.interfaces.view;

import dev.syngen.core.consumer.ConsumerCheck;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The example consumer's verdict on one entity of a run (docs/consumers.md). */
@JsonbPropertyOrder({
  "entity",
  "expected",
  "received",
  "duplicates",
  "missing",
  "unexpected",
  "untracked",
  "complete"
})
public record ConsumerCheckView(
    String entity,
    Long expected,
    long received,
    long duplicates,
    Long missing,
    long unexpected,
    long untracked,
    boolean complete) {

  public static ConsumerCheckView of(ConsumerCheck c) {
    return new ConsumerCheckView(
        c.entity(),
        c.expected(),
        c.received(),
        c.duplicates(),
        c.missing(),
        c.unexpected(),
        c.untracked(),
        c.complete());
  }
}
