package dev.kiln.cli;

import dev.kiln.core.config.Configs;
import dev.kiln.core.io.BadRecords;
import dev.kiln.core.io.Inspector;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kiln inspect IN...}: documents, characters, bytes, per-source counts, a length histogram and a
 * few seeded sample documents, as a table or ({@code --json}) as one JSON object.
 * {@code kiln inspect shards DIR}: validates and summarises the token shards kiln prepare wrote.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Summarise inputs: documents, characters, bytes, sources, length histogram (code points), samples.",
            "'kiln inspect shards DIR' validates token shards and shows tokens, documents, top ids, unk/byte-fallback "
                + "shares and decoded windows."})
final class InspectCommand implements Callable<Integer> {

    @Mixin
    InputOptions input;

    @Parameters(paramLabel = "IN", arity = "1..*", description = "Input files, directories, globs or @list files.")
    List<String> inputs;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "3", description = "Sample documents to show (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--sample-chars", paramLabel = "N", defaultValue = "240",
            description = "Characters of each sample shown in the table (default: ${DEFAULT-VALUE}; --json shows all).")
    int sampleChars;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1337", description = "Sampling seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--strict", description = "Stop at the first bad input record instead of skipping and counting it.")
    boolean strict;

    @Option(names = "--json", description = "Print one JSON object instead of the table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (inputs.size() == 2 && inputs.get(0).equals("shards")) {
            java.util.Map<String, Object> r = dev.kiln.sharding.ShardInspector.inspect(java.nio.file.Path.of(inputs.get(1)), samples,
                    64, 10, seed);
            System.out.print(json ? Configs.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(r) + "\n"
                    : dev.kiln.sharding.ShardInspector.table(r));
            return 0;
        }
        Inspector.Report r = Inspector.inspect(inputs, input.readOptions(), new BadRecords(strict, System.err::println), samples, seed);
        if (json) {
            System.out.println(Configs.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(r.toMap()));
        } else {
            System.out.print(r.table(sampleChars));
        }
        return 0;
    }
}
