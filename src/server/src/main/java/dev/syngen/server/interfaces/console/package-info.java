/** The admin console: Faces beans, their facade over the server's services, and live updates. */
package dev.syngen.server.interfaces.console;
