/**
 * The use cases behind every entry point: runs, targets, scenarios, fidelity, batch execution and
 * consumer verification, as services that return view or core types.
 */
package dev.syngen.server.application;
