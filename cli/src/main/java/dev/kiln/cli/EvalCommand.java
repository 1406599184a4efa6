package dev.kiln.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.trainer.loop.EvalJob;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kiln eval}: one JSON line with loss, ppl, bpb and tokens of a checkpoint on a data folder ({@link EvalJob}). */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Loss, perplexity and bits-per-byte (parameter-golf's definition) of a checkpoint; optional sliding window.")
final class EvalCommand implements Callable<Integer> {

    @Mixin
    CheckpointOption checkpoint;

    @Option(names = "--data", paramLabel = "DIR", required = true, description = "Folder written by kiln prepare.")
    Path data;

    @Mixin
    ConfigOption config;

    @Option(names = "--split", paramLabel = "val|train", defaultValue = "val", description = "Split to score (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--window", paramLabel = "N", defaultValue = "0", description = "Tokens per window (default: the training sequence length).")
    int window;

    @Option(names = "--stride", paramLabel = "N", defaultValue = "0",
            description = "Sliding-window stride; each token is scored once with window - stride tokens of context (default: non-overlapping).")
    int stride;

    @Option(names = "--max-tokens", paramLabel = "N", defaultValue = "0", description = "Score only the first N tokens of the split (default: all).")
    long maxTokens;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "8", description = "Windows per run (default: ${DEFAULT-VALUE}).")
    int batch;

    @Mixin
    OrtOptions ort;

    @Override
    public Integer call() throws Exception {
        EvalJob.Report r = EvalJob.run(checkpoint.checkpoint, data, new EvalJob.Options(split, window, stride, maxTokens, batch, ort.device, ort.threads));
        System.out.println(new ObjectMapper().writeValueAsString(r.toMap()));
        return 0;
    }
}
