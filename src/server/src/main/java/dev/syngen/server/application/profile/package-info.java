/** The profile use case: a bounded sample of a stored target's table, profiled and clustered. */
package dev.syngen.server.application.profile;
