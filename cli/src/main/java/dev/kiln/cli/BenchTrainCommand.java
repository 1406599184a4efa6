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

    @Mixin
    ShapeOptions shape;

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
        TrainConfig cfg = config();
        Map<String, Object> m = ThroughputBench.run(cfg, data, warmup, runs, output);
        System.out.printf("%s: %,d tok/s (%.1f ms/step, B %d x T %d x accumulation %d, K %d, %s %s, threads %d); wrote %s%n",
                m.get("model"), m.get("tokens_per_s"), m.get("ms_per_step"), shape.batch, shape.seq, shape.accumulation, shape.stepsPerRun, ort.device,
                cfg.recipe(), ort.threads, output);
        System.out.println(new ObjectMapper().writeValueAsString(m));
        return 0;
    }

    /**
     * The config timed: the shape and device options, one run of K steps with no warm-up, evaluation,
     * microset or samples to speak of (ThroughputBench times only the training graph).
     */
    TrainConfig config() {
        TrainConfig.Builder b = TrainConfig.builder().warmup(0).evalInterval(1).evalWindows(1).saveInterval(1).logInterval(1)
                .keepLast(1).precision(precision.precision).microsetSteps(0).sampleTokens(1).controlPoll(1);
        b = ort.applyTo(shape.applyTo(b));
        return b.steps(shape.stepsPerRun).build();
    }
}
