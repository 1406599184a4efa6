package dev.kiln.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --checkpoint DIR} for the verbs that read a saved model (eval, sample; a picocli mixin). */
public final class CheckpointOption {

    @Option(names = "--checkpoint", paramLabel = "DIR", required = true, description = "A final/, best/ or step_NNNNNNN/ folder.")
    public Path checkpoint;
}
