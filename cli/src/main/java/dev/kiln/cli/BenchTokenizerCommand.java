package dev.kiln.cli;

import dev.kiln.tokenizer.Normalization;
import dev.kiln.tokenizer.TokenizerBench;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kiln bench tokenizer}: trains on a text file (one document per line, spm_train's options from
 * tokenizer-facts.md) and measures bytes per token and encoding throughput on a held-out file.
 * {@code scripts/bench-tokenizer.sh} runs it beside {@code spm_train}/{@code spm_encode}.
 */
@Command(name = "tokenizer", mixinStandardHelpOptions = true,
        description = "Train BPE on TRAIN (lines), then encode HELDOUT: prints train seconds, bytes/token, MB/s.")
final class BenchTokenizerCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TRAIN", description = "Training text, one document per line.")
    Path train;

    @Parameters(index = "1", paramLabel = "HELDOUT", description = "Held-out text, one document per line.")
    Path heldout;

    @Option(names = "--vocab-size", paramLabel = "N", defaultValue = "8192", description = "Default: ${DEFAULT-VALUE}.")
    int vocabSize;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "Where the model goes.")
    Path output;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "Default: ${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--normalization", paramLabel = "NAME", defaultValue = "identity", description = "identity or nfkc.")
    String normalization;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "3", description = "Timed encoding passes (best kept).")
    int repeats;

    @Override
    public Integer call() throws Exception {
        TokenizerBench.train(train, vocabSize, output, threads, Normalization.parse(normalization)).forEach(System.out::println);
        TokenizerBench.encode(output.resolve("spm.model"), heldout, threads, repeats).forEach(System.out::println);
        return 0;
    }
}
