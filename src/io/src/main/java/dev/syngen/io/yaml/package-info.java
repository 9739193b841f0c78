/** Bounded YAML loading of scenarios and target profiles. */
package dev.syngen.io.yaml;
