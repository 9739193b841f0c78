/** Plain-Java adapters from the core ports to real technologies: YAML, files, JDBC. */
package dev.syngen.io;
