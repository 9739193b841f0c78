/**
 * Small text helpers: HTML and SVG escaping for everything that writes them, and the regular
 * expressions string generators write from.
 */
package dev.syngen.core.text;
