/**
 * What the application stands on: JPA persistence, MicroProfile Config, Health and Metrics,
 * logging, security and the container's messaging resources.
 */
package dev.syngen.server.infrastructure;
