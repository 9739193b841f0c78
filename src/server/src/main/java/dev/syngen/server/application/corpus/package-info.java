/** Corpus use cases: upload (checked, then stored and audited), list, show, delete. */
package dev.syngen.server.application.corpus;
