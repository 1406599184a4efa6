package dev.kiln.cli;

import picocli.CommandLine.Option;

/** Where ONNX Runtime runs, for every verb that opens a model (a picocli mixin). */
public final class OrtOptions {

    @Option(names = "--device", paramLabel = "cpu|cuda", defaultValue = "cpu",
            description = "Execution provider; cuda needs KILN_PROFILES=cuda (default: ${DEFAULT-VALUE}).")
    public String device;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "ONNX Runtime intra-op threads, 0 = its default (default: ${DEFAULT-VALUE}).")
    public int threads;
}
