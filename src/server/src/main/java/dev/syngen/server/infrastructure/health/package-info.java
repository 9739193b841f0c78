/** MicroProfile Health checks behind /health/live and /health/ready. */
package dev.syngen.server.infrastructure.health;
