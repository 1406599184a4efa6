package dev.kiln.cli;

import dev.kiln.core.pipeline.KilnVersion;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code kiln} command: one verb per job (see {@code kiln --help}).
 *
 * <p>Exit codes: 0 success, 1 the job failed (bad input in strict mode, I/O error), 2 usage or
 * configuration error.
 */
@Command(name = "kiln", mixinStandardHelpOptions = true, versionProvider = Kiln.Version.class,
        description = "Raw text to training shards for small language models, and the reference trainer.",
        subcommands = {
            DemoCommand.class,
            PrepareCommand.class,
            RunCommand.class,
            FilterCommand.class,
            CleanCommand.class,
            DedupCommand.class,
            WikidataCommand.class,
            TokenizerCommand.class,
            TrainCommand.class,
            EvalCommand.class,
            SampleCommand.class,
            InfoCommand.class,
            ConvertCommand.class,
            InspectCommand.class,
            StagesCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class Kiln implements Callable<Integer> {

    static {
        // DJL SentencePiece phones home on first use unless this is set before its classes load.
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("offline", "true");
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs kiln with {@code args} in this JVM and returns the exit code (tests and the demo use this). */
    public static int execute(String... args) {
        try {
            return commandLine(args).execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands only Exceptions to Errors; an Error thrown by a command ends up here
            return Errors.report(e, args.length == 0 ? "" : args[0], System.err);
        }
    }

    /** The configured command line, with defaults from {@code --config FILE} if the arguments name one. */
    public static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new Kiln());
        cl.setExecutionExceptionHandler(new Errors());
        cl.setDefaultValueProvider(ConfigDefaults.fromArgs(args));
        cl.setExecutionStrategy(ConfigDefaults.checking(new CommandLine.RunLast()));
        return cl;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }

    /** Prints the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"kiln " + KilnVersion.get() + " (Java " + Runtime.version() + ")"};
        }
    }
}
