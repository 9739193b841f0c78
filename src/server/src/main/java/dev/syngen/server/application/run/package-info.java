/** The run use cases: start, plan, cancel, restart, rerun, and their execution on the server. */
package dev.syngen.server.application.run;
