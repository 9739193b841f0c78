/** Sign-in throttling: failed sign-ins counted per user and per client address, bounded. */
package dev.syngen.server.application.signin;
