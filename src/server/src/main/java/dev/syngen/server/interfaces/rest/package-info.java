/** The REST API under /api/v1: resources translate HTTP to service calls and back. */
package dev.syngen.server.interfaces.rest;
