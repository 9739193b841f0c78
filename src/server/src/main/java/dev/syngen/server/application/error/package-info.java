/** Errors a use case reports to its caller with an HTTP status, title and detail. */
package dev.syngen.server.application.error;
