/** The {@code syngen} command line: wires core and io together, no container. */
package dev.syngen.cli;
