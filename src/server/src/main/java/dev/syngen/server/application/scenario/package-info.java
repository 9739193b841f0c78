/** The scenario catalogue (files under scenarios/, looked up by allow-listed id) and validation. */
package dev.syngen.server.application.scenario;
