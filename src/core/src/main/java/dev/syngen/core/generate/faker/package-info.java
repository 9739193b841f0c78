/**
 * Datafaker values compiled once into trees of dictionary picks, digit and letter patterns and
 * concatenations, evaluated from a cell's own random bits; Datafaker itself stays the fallback for
 * what cannot be compiled, and supplies the provider catalogue.
 */
package dev.syngen.core.generate.faker;
