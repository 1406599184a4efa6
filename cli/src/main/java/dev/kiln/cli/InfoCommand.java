package dev.kiln.cli;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.kiln.trainer.Device;
import dev.kiln.trainer.TrainerConfig;
import dev.kiln.trainer.TrainingGraph;
import dev.kiln.trainer.graph.CudaKernels;
import dev.kiln.trainer.model.LlamaConfig;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kiln info --model PRESET}: the architecture and exact parameter count of a model preset;
 * with {@code --graph BxT} also the training graph's size, and with {@code --device cuda} a check
 * that ONNX Runtime's CUDA provider has a kernel for every node (before renting a GPU).
 */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print a model preset's architecture and parameter count (tiny, small, llama-100m).")
final class InfoCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "PRESET", required = true, description = "tiny, small or llama-100m.")
    String model;

    @Option(names = "--vocab", paramLabel = "N", description = "Override the preset's vocabulary size (to match a tokenizer).")
    Integer vocab;

    @Option(names = "--graph", paramLabel = "BxT",
            description = "Also build the training graph for batch B and sequence T (e.g. 16x1024) and print its node count.")
    String graph;

    @Option(names = "--device", paramLabel = "cpu|cuda", defaultValue = "cpu",
            description = "Device the --graph is built for (default: ${DEFAULT-VALUE}); cuda also checks every node against "
                    + "ONNX Runtime's CUDA kernels, no GPU needed.")
    String device;

    @Mixin
    PrecisionOption precision;

    @Option(names = "--steps-per-run", paramLabel = "K", defaultValue = "1",
            description = "Optimiser steps per run of the --graph (an ONNX Loop when > 1; default: ${DEFAULT-VALUE}).")
    int stepsPerRun;

    private static String shortSource(String source) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b([0-9a-f]{8})[0-9a-f]{32}\\b").matcher(source);
        return m.find() ? "onnxruntime@" + m.group(1) : source;
    }

    @Override
    public Integer call() {
        LlamaConfig c = LlamaConfig.preset(model);
        if (vocab != null) {
            c = c.withVocab(vocab);
        }
        System.out.println(c.describe());
        if (graph != null) {
            String[] bt = graph.toLowerCase(Locale.ROOT).split("x");
            if (bt.length != 2) {
                throw new IllegalArgumentException("--graph must be BxT, e.g. 16x1024: " + graph);
            }
            Device d = Device.parse(device);
            TrainerConfig tc = TrainerConfig.of(c, Integer.parseInt(bt[0]), Integer.parseInt(bt[1]))
                    .withStepsPerRun(stepsPerRun).withDevice(d, 0);
            tc = tc.withPrecision(precision.resolve(d));
            long t0 = System.nanoTime();
            ModelProto graph = TrainingGraph.build(tc, stepsPerRun > 1);
            TrainingGraph.Stats s = TrainingGraph.Stats.of(graph, (System.nanoTime() - t0) / 1_000_000);
            System.out.printf(Locale.ROOT, "  training graph     %,15d nodes (B %s x T %s, K %d, %s, %s), %,d KB proto, built in %,d ms%n",
                    s.nodes(), bt[0], bt[1], stepsPerRun, device.toLowerCase(Locale.ROOT), tc.precision(), s.protoBytes() / 1024,
                    s.buildMillis());
            if (d == Device.CUDA) {
                CudaKernels kernels = CudaKernels.load();
                List<String> missing = kernels.missing(graph);
                System.out.println(missing.isEmpty()
                        ? "  CUDA kernels       every node has one (ONNX Runtime's kernel table, " + shortSource(kernels.source()) + ")"
                        : "  CUDA kernels       MISSING: " + String.join("; ", missing));
                return missing.isEmpty() ? 0 : 1;
            }
        }
        return 0;
    }
}
