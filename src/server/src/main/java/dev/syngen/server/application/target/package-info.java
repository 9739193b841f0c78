/** Target profiles: stored over REST or seeded from targets/, validated, tested, opened. */
package dev.syngen.server.application.target;
