package dev.kiln.cli;

import dev.kiln.trainer.eval.SampleConfig;
import dev.kiln.trainer.loop.SampleJob;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kiln sample}: continue a prompt with a trained model, greedy or sampled ({@link SampleJob}). */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Generate text from a checkpoint (its exported model.onnx when present): greedy by default, or --temperature/--top-k/--top-p.")
final class SampleCommand implements Callable<Integer> {

    @Mixin
    CheckpointOption checkpoint;

    @Parameters(index = "0", paramLabel = "PROMPT", description = "Text to continue.")
    String prompt;

    @Mixin
    ConfigOption config;

    @Option(names = "--tokenizer", paramLabel = "MODEL", description = "SentencePiece model (default: the one in the training data's data_meta.json).")
    Path tokenizer;

    @Option(names = "--max-new-tokens", paramLabel = "N", defaultValue = "64", description = "Tokens to generate (default: ${DEFAULT-VALUE}).")
    int maxNewTokens;

    @Option(names = "--temperature", paramLabel = "X", defaultValue = "0", description = "0 = greedy (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--top-k", paramLabel = "N", defaultValue = "0", description = "Keep the k most likely tokens, 0 = all (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--top-p", paramLabel = "X", defaultValue = "1.0", description = "Nucleus probability mass, 1 = all (default: ${DEFAULT-VALUE}).")
    double topP;

    @Option(names = "--repetition-penalty", paramLabel = "X", defaultValue = "1.0",
            description = "Penalise tokens already in the context (CTRL's rule: positive logits / X, negative x X), 1 = off (default: ${DEFAULT-VALUE}).")
    double repetitionPenalty;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1337", description = "Sampling seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    OrtOptions ort;

    @Override
    public Integer call() throws Exception {
        SampleConfig sc = new SampleConfig(maxNewTokens, temperature, topK, topP, seed, repetitionPenalty);
        System.out.println(SampleJob.run(checkpoint.checkpoint, tokenizer, prompt, sc, ort.device, ort.threads));
        return 0;
    }
}
