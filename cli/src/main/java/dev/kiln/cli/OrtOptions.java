package dev.kiln.cli;

import dev.kiln.trainer.loop.TrainConfig;
import picocli.CommandLine.Option;

/** Where ONNX Runtime runs, for every verb that opens a model (a picocli mixin). */
public final class OrtOptions {

    @Option(names = "--device", paramLabel = "cpu|cuda", defaultValue = TrainConfig.DEFAULT_DEVICE,
            description = "Execution provider; cuda needs KILN_PROFILES=cuda (default: ${DEFAULT-VALUE}).")
    public String device;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "" + TrainConfig.DEFAULT_THREADS, description = "ONNX Runtime intra-op threads, 0 = its default (default: ${DEFAULT-VALUE}).")
    public int threads;

    /** {@code b} with this device and thread count. */
    public TrainConfig.Builder applyTo(TrainConfig.Builder b) {
        return b.device(device).threads(threads);
    }
}
