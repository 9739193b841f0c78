/**
 * Entity lifecycles: the compiled state machine and each instance's history, a pure function of
 * (seed, entity, instance row), plus the generators of the entities a lifecycle derives (events,
 * change-data-capture envelopes, SCD type-2 rows) and their event-time merge.
 */
package dev.syngen.core.lifecycle;
