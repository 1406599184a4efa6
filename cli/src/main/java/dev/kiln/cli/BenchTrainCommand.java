package dev.kiln.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.trainer.loop.ThroughputBench;
import dev.kiln.trainer.loop.TrainConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kiln bench train}: tokens/s of the real training graph on real shards; writes throughput.json for the cost guard. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Tokens/s of kiln train's graph for a model, batch and device on real tokens; writes throughput.json.")
final class BenchTrainCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", required = true, description = "Folder written by kiln prepare.")
    Path data;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", defaultValue = "throughput.json", description = "Output (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--model", paramLabel = "PRESET", defaultValue = "tiny", description = "tiny, small or llama-100m (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "8", description = "Sequences per micro-batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seq", paramLabel = "T", defaultValue = "128", description = "Tokens per sequence (default: ${DEFAULT-VALUE}).")
    int seq;

    @Option(names = "--accumulation", paramLabel = "N", defaultValue = "1", description = "Micro-batches per step (default: ${DEFAULT-VALUE}).")
    int accumulation;

    @Option(names = "--steps-per-run", paramLabel = "K", defaultValue = "1", description = "Steps per ONNX Runtime call (default: ${DEFAULT-VALUE}).")
    int stepsPerRun;

    @Mixin
    OrtOptions ort;

    @Mixin
    PrecisionOption precision;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "2", description = "Untimed runs (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "10", description = "Timed runs; median reported (default: ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() throws Exception {
        TrainConfig base = TrainConfig.defaults(model, stepsPerRun);
        TrainConfig cfg = new TrainConfig(model, batch, seq, accumulation, stepsPerRun, stepsPerRun, base.lr(), base.minLr(), 0,
                base.weightDecay(), base.clipNorm(), 1, 1, 1, 1, 1, base.seed(), ort.device, ort.threads, precision.precision, 0, 0.3, base.prompts(), 1, 1, false);
        Map<String, Object> m = ThroughputBench.run(cfg, data, warmup, runs, output);
        System.out.printf("%s: %,d tok/s (%.1f ms/step, B %d x T %d x accumulation %d, K %d, %s %s, threads %d); wrote %s%n",
                m.get("model"), m.get("tokens_per_s"), m.get("ms_per_step"), batch, seq, accumulation, stepsPerRun, ort.device,
                cfg.recipe(), ort.threads, output);
        System.out.println(new ObjectMapper().writeValueAsString(m));
        return 0;
    }
}
