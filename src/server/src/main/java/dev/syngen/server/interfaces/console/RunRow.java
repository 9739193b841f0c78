package dev.syngen.server.interfaces.console;

import dev.syngen.server.interfaces.view.RunView;
import java.io.Serializable;

/** A run as the runs table shows it: its view and the user who started it. */
public record RunRow(RunView run, String user) implements Serializable {}
