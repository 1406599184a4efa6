package dev.kiln.trainer.eval;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.kiln.trainer.Device;
import dev.kiln.trainer.ForwardModel;
import dev.kiln.trainer.model.LlamaConfig;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates text token by token from a forward-only model of shape [1, T]: either an exported ONNX
 * file with embedded weights (any ONNX runtime can run it) or the graph with a {@code params} input.
 * The context is the last T tokens, padded at the end (causal attention makes row t independent of
 * the padding); the logits of the last real position choose the next token: argmax when greedy, else
 * softmax(logits / temperature) restricted to top-k and top-p, drawn with a seeded RNG.
 *
 * <p>NOTE: not thread-safe; close it to free the native session (and the params tensor).
 */
public final class Sampler implements AutoCloseable {

    private final OrtSession session;
    private final OnnxTensor params;
    private final int seq;
    private final int vocab;
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();

    private Sampler(OrtSession session, OnnxTensor params, int seq, int vocab) {
        this.session = session;
        this.params = params;
        this.seq = seq;
        this.vocab = vocab;
    }

    /** A sampler over an exported forward model (embedded weights, input [1, seq]). */
    public static Sampler ofExported(byte[] onnx, int seq, int vocab, Device device, int threads) throws OrtException {
        return new Sampler(OrtSessions.open(onnx, device, threads), null, seq, vocab);
    }

    /** A sampler for parameter vector {@code flat} of model {@code c}, context {@code seq}. */
    public static Sampler ofParams(LlamaConfig c, float[] flat, int seq, Device device, int threads) throws OrtException {
        OrtSession s = OrtSessions.open(ForwardModel.build(c, 1, seq, null, false), device, threads);
        FloatBuffer b = ByteBuffer.allocateDirect(flat.length * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
        b.put(flat).flip();
        return new Sampler(s, OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), b, new long[] {flat.length}), seq, c.vocab());
    }

    /**
     * Continues {@code prompt} (at least one token) by up to {@code cfg.maxNewTokens()} tokens, stopping
     * after {@code stopId} (if >= 0). Returns only the new tokens.
     */
    public int[] generate(int[] prompt, SampleConfig cfg, int stopId) throws OrtException {
        if (prompt.length == 0) {
            throw new IllegalArgumentException("the prompt must have at least one token");
        }
        Random rng = new Random(cfg.seed());
        int[] all = Arrays.copyOf(prompt, prompt.length + cfg.maxNewTokens());
        int n = prompt.length;
        int made = 0;
        while (made < cfg.maxNewTokens()) {
            int from = Math.max(0, n - seq);
            int[] x = new int[seq];
            System.arraycopy(all, from, x, 0, n - from);
            float[] logits = logitsAt(x, n - from - 1);
            penalize(logits, all, n, cfg.repetitionPenalty());
            int next = cfg.greedy() ? argmax(logits) : draw(logits, cfg, rng);
            all[n++] = next;
            made++;
            if (next == stopId) {
                break;
            }
        }
        return Arrays.copyOfRange(all, prompt.length, n);
    }

    private float[] logitsAt(int[] x, int pos) throws OrtException {
        try (OnnxTensor xt = OnnxTensor.createTensor(env, IntBuffer.wrap(x), new long[] {1, seq})) {
            Map<String, OnnxTensor> in = new HashMap<>();
            in.put(ForwardModel.TOKENS, xt);
            if (params != null) {
                in.put(ForwardModel.PARAMS, params);
            }
            try (OrtSession.Result r = session.run(in, Set.of(ForwardModel.LOGITS))) {
                FloatBuffer b = ((OnnxTensor) r.get(ForwardModel.LOGITS).orElseThrow()).getFloatBuffer();
                float[] out = new float[vocab];
                b.position(pos * vocab);
                b.get(out);
                return out;
            }
        }
    }

    /**
     * Applies CTRL's repetition penalty in place to the logits of every distinct id in
     * {@code context[0..len)}: positive logits are divided by {@code penalty}, negative ones
     * multiplied, so a seen token always becomes less likely.
     */
    static void penalize(float[] logits, int[] context, int len, double penalty) {
        if (penalty == 1.0) {
            return;
        }
        java.util.BitSet seen = new java.util.BitSet(logits.length);
        for (int i = 0; i < len; i++) {
            int id = context[i];
            if (id >= 0 && id < logits.length && !seen.get(id)) {
                seen.set(id);
                logits[id] = (float) (logits[id] > 0 ? logits[id] / penalty : logits[id] * penalty);
            }
        }
    }

    static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Temperature, then top-k, then top-p (nucleus), then one draw. */
    static int draw(float[] logits, SampleConfig cfg, Random rng) {
        Integer[] order = new Integer[logits.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(logits[b], logits[a]) != 0 ? Float.compare(logits[b], logits[a]) : Integer.compare(a, b));
        int keep = cfg.topK() > 0 ? Math.min(cfg.topK(), order.length) : order.length;
        double max = logits[order[0]];
        double[] p = new double[keep];
        double sum = 0;
        for (int i = 0; i < keep; i++) {
            p[i] = Math.exp((logits[order[i]] - max) / cfg.temperature());
            sum += p[i];
        }
        double cum = 0;
        int cut = keep;
        for (int i = 0; i < keep; i++) {
            p[i] /= sum;
            cum += p[i];
            if (cum >= cfg.topP()) {
                cut = i + 1;
                break;
            }
        }
        double total = 0;
        for (int i = 0; i < cut; i++) {
            total += p[i];
        }
        double u = rng.nextDouble() * total;
        for (int i = 0; i < cut; i++) {
            u -= p[i];
            if (u < 0) {
                return order[i];
            }
        }
        return order[cut - 1];
    }

    @Override
    public void close() throws OrtException {
        if (params != null) {
            params.close();
        }
        session.close();
    }
}
