package dev.kiln.trainer.loop;

import dev.kiln.core.config.ConfigException;
import dev.kiln.sharding.TokenShards;
import dev.kiln.trainer.Device;
import dev.kiln.trainer.eval.EvalResult;
import dev.kiln.trainer.eval.Evaluator;
import dev.kiln.trainer.eval.Window;
import dev.kiln.trainer.model.LlamaConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code kiln eval}: loss, perplexity and bits-per-byte of a checkpoint on a split of a prepared data
 * folder, golf's way: the whole split (or its first {@code maxTokens}) in back-to-back windows, or the
 * canonical sliding window (each target scored once with {@code window - stride} tokens of context).
 */
public final class EvalJob {

    /**
     * Options.
     *
     * @param split     {@code val} or {@code train}
     * @param window    tokens per window (0 = the checkpoint's training sequence length)
     * @param stride    sliding-window stride (0 = non-overlapping windows)
     * @param maxTokens evaluate only the first this many tokens of the split (0 = all)
     * @param batch     windows per ONNX Runtime call
     * @param device    cpu or cuda
     * @param threads   intra-op threads (0 = ONNX Runtime's default)
     */
    public record Options(String split, int window, int stride, long maxTokens, int batch, String device, int threads) {
    }

    /** The result and how it was measured. */
    public record Report(EvalResult result, int windows, int window, int stride, String split, long step) {

        /** The JSON line {@code kiln eval} prints. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = result.toMap();
            m.put("split", split);
            m.put("windows", windows);
            m.put("window", window);
            if (stride > 0) {
                m.put("stride", stride);
            }
            m.put("step", step);
            return m;
        }
    }

    private EvalJob() {
    }

    /** Evaluates {@code checkpoint} on {@code dataDir}. */
    public static Report run(Path checkpoint, Path dataDir, Options o) throws Exception {
        Checkpoint.Loaded c = Checkpoint.load(checkpoint);
        DataSet data = DataSet.open(dataDir);
        LlamaConfig arch = c.state().arch();
        if (data.vocab() > arch.vocab()) {
            throw new ConfigException(dataDir + " has vocabulary " + data.vocab() + " but the model only " + arch.vocab()
                    + ". HINT: evaluate on data prepared with the tokenizer the model was trained with");
        }
        TokenShards split = switch (o.split()) {
            case "val" -> data.val();
            case "train" -> data.train();
            default -> throw new ConfigException("split must be val or train: " + o.split());
        };
        int window = o.window() > 0 ? o.window() : c.state().config().seq();
        ConfigException.checkRange("window", window, 2, arch.context());
        long n = o.maxTokens() > 0 ? Math.min(o.maxTokens(), split.tokens()) : split.tokens();
        List<Window> windows = o.stride() > 0 ? Window.sliding(n, window, o.stride()) : Window.contiguous(n, window, 0);
        try (Evaluator ev = Evaluator.create(arch, o.batch(), window, Device.parse(o.device()), o.threads())) {
            EvalResult r = ev.evaluate(c.params(), split, windows, data.bytes());
            return new Report(r, windows.size(), window, o.stride(), o.split(), c.state().step());
        }
    }
}
