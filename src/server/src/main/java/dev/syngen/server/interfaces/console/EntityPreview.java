package dev.syngen.server.interfaces.console;

import java.util.List;

/** The first rows of one entity as text: its column names and one list of cells per row. */
public record EntityPreview(String entity, List<String> columns, List<List<String>> rows) {}
