package dev.kiln.cli;

import dev.kiln.trainer.TrainerConfig;
import dev.kiln.trainer.TrainingGraph;
import dev.kiln.trainer.model.LlamaConfig;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kiln info --model PRESET}: the architecture and exact parameter count of a model preset. */
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
            TrainingGraph.Stats s = TrainingGraph.stats(TrainerConfig.of(c, Integer.parseInt(bt[0]), Integer.parseInt(bt[1])));
            System.out.printf(Locale.ROOT, "  training graph     %,15d nodes (B %s x T %s), %,d KB proto, built in %,d ms%n",
                    s.nodes(), bt[0], bt[1], s.protoBytes() / 1024, s.buildMillis());
        }
        return 0;
    }
}
