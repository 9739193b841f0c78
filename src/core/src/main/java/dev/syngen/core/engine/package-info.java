/** The run engine: partitions, columnar row batches, ordered parallel writing, progress. */
package dev.syngen.core.engine;
