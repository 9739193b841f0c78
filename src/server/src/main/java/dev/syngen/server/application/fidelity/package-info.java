/**
 * The fidelity use case: check a stored run's data against its declared shape and keep the report.
 */
package dev.syngen.server.application.fidelity;
