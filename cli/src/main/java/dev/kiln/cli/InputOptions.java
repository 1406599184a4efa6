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

    @Option(names = "--max-record-bytes", paramLabel = "SIZE", defaultValue = "64m",
            description = "Largest record read (a JSONL line, a text file); larger ones are reported, skipped and never held "
                    + "in memory (default: ${DEFAULT-VALUE}).")
    public String maxRecordBytes = "64m";

    public ReadOptions readOptions() {
        long max;
        try {
            max = dev.kiln.dedup.DedupConfig.parseBytes(maxRecordBytes);
        } catch (RuntimeException e) {
            throw new dev.kiln.core.config.ConfigException("--max-record-bytes must be a size such as 64m or 1g: " + maxRecordBytes);
        }
        return new ReadOptions(textField, idField, source, null, max);
    }
}
