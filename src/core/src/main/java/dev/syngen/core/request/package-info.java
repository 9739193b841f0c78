/**
 * The one request boundary: what a run request means — its fields, their types and limits, the
 * scale band, traffic, which targets may shape payloads, expectations and the row limit — decided
 * once for the command line, the REST API, the console and the stream.
 */
package dev.syngen.core.request;
