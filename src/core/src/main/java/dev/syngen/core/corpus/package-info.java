/**
 * Corpora: named lists of values a scenario picks from, read from text or CSV, checked (encoding,
 * size, duplicates, personal data) and content-hashed so the hash can enter a plan's config hash.
 */
package dev.syngen.core.corpus;
