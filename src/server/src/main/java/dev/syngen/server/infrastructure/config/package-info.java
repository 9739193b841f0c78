/** MicroProfile Config values and the core objects the server shares, as CDI beans. */
package dev.syngen.server.infrastructure.config;
