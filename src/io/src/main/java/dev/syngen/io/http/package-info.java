/**
 * The HTTP target: batches POSTed as NDJSON or JSON arrays, with retries and a concurrency limit.
 */
package dev.syngen.io.http;
