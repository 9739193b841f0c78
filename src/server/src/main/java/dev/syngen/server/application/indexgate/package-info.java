/** The index gate use case: measure a query set before and after index DDL on a stored target. */
package dev.syngen.server.application.indexgate;
