/**
 * The fidelity validator: checks generated data against declared laws and rules, and says GO or
 * NO-GO.
 */
package dev.syngen.core.fidelity;
