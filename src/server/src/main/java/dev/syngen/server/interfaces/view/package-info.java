/**
 * The JSON documents of the REST API, also shown by the console, built from core and service
 * results (secrets redacted).
 */
package dev.syngen.server.interfaces.view;
