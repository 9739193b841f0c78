/**
 * Cheap, bounded reachability probes of what a target needs (a broker or database endpoint, a
 * writable directory), for readiness checks that must not hammer the services they watch.
 */
package dev.syngen.io.probe;
