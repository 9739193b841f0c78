/**
 * Ad-hoc streaming endpoints: NDJSON over HTTP ({@code POST /generate}) and records over a
 * WebSocket.
 */
package dev.syngen.server.interfaces.stream;
