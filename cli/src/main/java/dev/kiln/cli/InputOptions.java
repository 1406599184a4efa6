package dev.kiln.cli;

import dev.kiln.core.io.ReadOptions;
import picocli.CommandLine.Option;

/** How input records map onto documents (a picocli mixin). */
public final class InputOptions {

    @Option(names = "--text-field", paramLabel = "NAME", defaultValue = "text",
            description = "Field/column holding the text (default: ${DEFAULT-VALUE}).")
    public String textField;

    @Option(names = "--id-field", paramLabel = "NAME", defaultValue = "id",
            description = "Field/column holding the id (default: ${DEFAULT-VALUE}; records without one get file:line).")
    public String idField;

    @Option(names = "--source", paramLabel = "NAME",
            description = "Corpus name stamped on every document (default: the record's source field).")
    public String source;

    public ReadOptions readOptions() {
        return new ReadOptions(textField, idField, source, null);
    }
}
