/**
 * The audit use case: who did what to which run, target, scenario or provider, read back for the
 * REST API and the console's audit page. Entries are written by the services that act.
 */
package dev.syngen.server.application.audit;
