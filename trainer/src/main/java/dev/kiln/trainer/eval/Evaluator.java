package dev.kiln.trainer.eval;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.kiln.sharding.TokenShards;
import dev.kiln.trainer.Device;
import dev.kiln.trainer.ForwardModel;
import dev.kiln.trainer.model.LlamaConfig;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.List;
import java.util.Map;

/**
 * Scores {@link Window}s of a token split with the forward model ({@link ForwardModel}, weights fed as
 * a {@code params} input so any parameter vector can be evaluated without rebuilding the graph):
 * per-token nll in, loss, perplexity and bits-per-byte out. Windows shorter than the graph's sequence
 * length are padded at the end; causal attention keeps the scored positions exact.
 *
 * <p>NOTE: not thread-safe; close it to free the native session.
 */
public final class Evaluator implements AutoCloseable {

    private final LlamaConfig model;
    private final int batch;
    private final int seq;
    private final OrtSession session;
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();

    private Evaluator(LlamaConfig model, int batch, int seq, OrtSession session) {
        this.model = model;
        this.batch = batch;
        this.seq = seq;
        this.session = session;
    }

    /** An evaluator scoring {@code batch} windows of up to {@code seq} tokens per run. */
    public static Evaluator create(LlamaConfig model, int batch, int seq, Device device, int threads) throws OrtException {
        return new Evaluator(model, batch, seq, OrtSessions.open(ForwardModel.build(model, batch, seq, null, true), device, threads));
    }

    /** The graph's sequence length. */
    public int seq() {
        return seq;
    }

    /** Scores {@code windows} of {@code split} with parameters {@code params}; {@code table} may be null. */
    public EvalResult evaluate(float[] params, TokenShards split, List<Window> windows, ByteTable table) throws OrtException {
        BpbAccumulator acc = new BpbAccumulator(table);
        FloatBuffer pb = ByteBuffer.allocateDirect(params.length * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
        pb.put(params).flip();
        int vocab = model.vocab();
        try (OnnxTensor p = OnnxTensor.createTensor(env, pb, new long[] {params.length})) {
            for (int from = 0; from < windows.size(); from += batch) {
                List<Window> part = windows.subList(from, Math.min(windows.size(), from + batch));
                int[] x = new int[batch * seq];
                int[] y = new int[batch * seq];
                for (int r = 0; r < part.size(); r++) {
                    Window w = part.get(r);
                    if (w.len() > seq) {
                        throw new IllegalArgumentException("window of " + w.len() + " tokens exceeds the evaluator's " + seq);
                    }
                    int[] buf = new int[w.len() + 1];
                    split.read(w.start(), buf);
                    for (int t = 0; t < w.len(); t++) {
                        if (buf[t] >= vocab || buf[t + 1] >= vocab) {
                            throw new IllegalArgumentException("token id " + Math.max(buf[t], buf[t + 1]) + " at position "
                                    + (w.start() + t) + " is outside the model's vocabulary " + vocab);
                        }
                        x[r * seq + t] = buf[t];
                        y[r * seq + t] = buf[t + 1];
                    }
                }
                float[] nll = run(p, x, y);
                for (int r = 0; r < part.size(); r++) {
                    Window w = part.get(r);
                    for (int t = w.scoreFrom(); t < w.len(); t++) {
                        acc.add(x[r * seq + t], y[r * seq + t], nll[r * seq + t]);
                    }
                }
            }
        }
        return acc.result();
    }

    private float[] run(OnnxTensor params, int[] x, int[] y) throws OrtException {
        long[] shape = {batch, seq};
        try (OnnxTensor xt = OnnxTensor.createTensor(env, IntBuffer.wrap(x), shape);
             OnnxTensor yt = OnnxTensor.createTensor(env, IntBuffer.wrap(y), shape);
             OrtSession.Result r = session.run(Map.of(ForwardModel.TOKENS, xt, ForwardModel.TARGETS, yt, ForwardModel.PARAMS, params),
                     java.util.Set.of(ForwardModel.NLL))) {
            FloatBuffer b = ((OnnxTensor) r.get(ForwardModel.NLL).orElseThrow()).getFloatBuffer();
            float[] out = new float[b.remaining()];
            b.get(out);
            return out;
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
