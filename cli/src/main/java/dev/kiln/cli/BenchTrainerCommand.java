package dev.kiln.cli;

import dev.kiln.trainer.Device;
import dev.kiln.trainer.TrainerConfig;
import dev.kiln.trainer.bench.ParityDump;
import dev.kiln.trainer.bench.TrainerBench;
import dev.kiln.trainer.model.LlamaConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kiln bench trainer}: ms per optimiser step, graph size and session-creation time of the
 * ONNX training graph on real text (the UTF-8 bytes of --text as token ids). With
 * {@code --parity-dump DIR} it instead writes weights, batches and kiln's losses for
 * {@code scripts/trainer-parity.py}, which replays them in PyTorch.
 */
@Command(name = "trainer", mixinStandardHelpOptions = true,
        description = "ms/step, graph nodes and session-creation time of the training graph (CPU unless --device cuda).")
final class BenchTrainerCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "PRESET", split = ",", defaultValue = "tiny,small",
            description = "Presets to measure (default: ${DEFAULT-VALUE}).")
    List<String> models;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "8", description = "Sequences per step (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seq", paramLabel = "T", defaultValue = "128", description = "Tokens per sequence (default: ${DEFAULT-VALUE}).")
    int seq;

    @Option(names = "--steps-per-run", paramLabel = "K", defaultValue = "1",
            description = "Optimiser steps per session.run (ONNX Loop when > 1; default: ${DEFAULT-VALUE}).")
    int stepsPerRun;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "ONNX Runtime intra-op threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--device", paramLabel = "cpu|cuda", defaultValue = "cpu",
            description = "Execution provider (default: ${DEFAULT-VALUE}; cuda is untested and needs the -Pcuda build).")
    String device;

    @Mixin
    PrecisionOption precision;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "2", description = "Untimed runs first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "10", description = "Timed runs; the median is reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--text", paramLabel = "FILE", defaultValue = "sample/gutenberg/bierce-devils-dictionary.txt",
            description = "Real text whose UTF-8 bytes are the token ids (default: ${DEFAULT-VALUE}).")
    Path text;

    @Option(names = "--parity-dump", paramLabel = "DIR",
            description = "Write weights, batches and kiln's per-step losses for scripts/trainer-parity.py instead of benchmarking.")
    Path parityDump;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "20", description = "Steps of the parity run (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1337", description = "Initialisation and batch seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        int[] tokens = TrainerBench.byteTokens(text);
        for (String m : models) {
            TrainerConfig c = TrainerConfig.of(LlamaConfig.preset(m), batch, seq).withStepsPerRun(stepsPerRun)
                    .withDevice(Device.parse(device), threads);
            c = c.withPrecision(precision.resolve(c.device()));
            if (parityDump != null) {
                float[] losses = ParityDump.write(c, tokens, steps, 1e-3f, seed, parityDump);
                System.out.printf("wrote %s (%d steps, kiln loss %.4f -> %.4f); compare with: python3 scripts/trainer-parity.py %s%n",
                        parityDump, steps, losses[0], losses[steps - 1], parityDump);
                return 0;
            }
            System.out.println(TrainerBench.run(c, tokens, warmup, runs, 1e-3f, seed).line());
        }
        return 0;
    }
}
