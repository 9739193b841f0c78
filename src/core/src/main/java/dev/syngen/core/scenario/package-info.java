/** The scenario model (plain records, no behaviour) and its mapping from a parsed document tree. */
package dev.syngen.core.scenario;
