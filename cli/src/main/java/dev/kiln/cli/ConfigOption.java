package dev.kiln.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE} for the model verbs (train, eval, sample; a picocli mixin). The option only names
 * the file: {@link ConfigDefaults} reads it before parsing and supplies each option's default from it.
 */
public final class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE", description = "YAML defaults for any option (flags win).")
    public Path config;
}
