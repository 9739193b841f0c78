/** Small text helpers shared by everything that writes HTML or SVG. */
package dev.syngen.core.text;
