/** What every message target shares: record encoding, destinations, options, retries. */
package dev.syngen.io.message;
