/** Stream keys and the counter-based random source that make every cell a pure function. */
package dev.syngen.core.random;
