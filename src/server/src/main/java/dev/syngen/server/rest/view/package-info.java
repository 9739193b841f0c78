/** The JSON documents of the REST API, built from core and service results (secrets redacted). */
package dev.syngen.server.rest.view;
