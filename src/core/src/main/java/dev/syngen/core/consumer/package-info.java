/**
 * The consumer side of the message contract: tallies of the row indexes a consumer received per
 * (run, entity), checked against the end-of-entity row count (docs/consumers.md).
 */
package dev.syngen.core.consumer;
