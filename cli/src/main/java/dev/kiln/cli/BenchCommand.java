package dev.kiln.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code kiln bench <what>}: throughput benchmarks. They are commands, not tests: figures depend on the
 * machine and its load, so they are recorded in BENCHMARKS.md with the command that produced them and
 * never asserted in the test suite. Each module adds its benchmark as a subcommand here.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure throughput (MB/s, docs/s, tokens/s) of kiln's parts; see BENCHMARKS.md.",
        subcommands = {
            BenchReadCommand.class,
            BenchTokenizerCommand.class,
            WikidataBenchCommand.class,
            BenchDedupCommand.class,
            BenchFilterCommand.class,
            BenchTrainerCommand.class,
            BenchTrainCommand.class,
            CommandLine.HelpCommand.class,
        })
final class BenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }
}
