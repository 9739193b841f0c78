/**
 * The JMS target: text (JSON) messages through any JMS 3 connection factory, Artemis by default.
 */
package dev.syngen.io.jms;
