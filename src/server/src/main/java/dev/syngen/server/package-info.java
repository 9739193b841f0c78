/** Thin Jakarta EE and MicroProfile adapters that expose the core engine on Open Liberty. */
package dev.syngen.server;
