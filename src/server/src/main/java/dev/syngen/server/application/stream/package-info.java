/**
 * Ad-hoc generation: plan a one-entity request and stream its records, memory bounded by the
 * engine.
 */
package dev.syngen.server.application.stream;
