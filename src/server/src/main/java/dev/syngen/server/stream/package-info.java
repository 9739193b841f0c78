/** Ad-hoc streaming: NDJSON over HTTP ({@code POST /generate}) and records over a WebSocket. */
package dev.syngen.server.stream;
