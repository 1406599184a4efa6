package dev.kiln.prepare;

import dev.kiln.core.io.BadRecords;
import dev.kiln.core.io.ReadOptions;
import dev.kiln.core.pipeline.DocumentSource;
import dev.kiln.core.pipeline.FileSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Reading prepare's own intermediate files (work/clean, work/dedup). */
final class WorkFiles {

    private WorkFiles() {
    }

    /** The documents of {@code files} in order; strict, because a bad record in kiln's own output is a bug. */
    static DocumentSource concat(List<Path> files, Consumer<String> log) throws IOException {
        return FileSource.of(files, ReadOptions.DEFAULT, new BadRecords(true, log));
    }
}
