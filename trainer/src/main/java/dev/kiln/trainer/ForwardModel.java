package dev.kiln.trainer;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.kiln.trainer.graph.DType;
import dev.kiln.trainer.graph.Graph;
import dev.kiln.trainer.graph.Tape;
import dev.kiln.trainer.graph.Val;
import dev.kiln.trainer.model.Llama;
import dev.kiln.trainer.model.LlamaConfig;
import dev.kiln.trainer.model.ParamLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Forward-only models for evaluation and sampling, built from the same model code as training.
 *
 * <p>Input {@code tokens} (i32 [B, T]); output {@code logits} (f32 [B, T, V]); with targets also
 * {@code targets} (i32 [B, T]) in and {@code nll} (f32 [B, T], per-token negative log-likelihood,
 * what loss, perplexity and bits-per-byte are computed from) out. The weights are either a
 * {@code params} input [P] (no copy when evaluating a live {@link TrainerSession}'s parameters) or
 * embedded as one initializer per tensor, named as in {@link ParamLayout}, so the exported file runs
 * in any ONNX runtime. Shapes are static: causal attention makes logits at position t independent
 * of later positions, so a sampler can pad a short prompt to T and read row t.
 */
public final class ForwardModel {

    /** Input and output names. */
    public static final String TOKENS = "tokens", TARGETS = "targets", PARAMS = "params", LOGITS = "logits", NLL = "nll";

    private ForwardModel() {
    }

    /**
     * Builds the forward model.
     *
     * @param params    flat weights to embed as initializers, or null for a {@code params} input
     * @param withTargets whether to add the {@code targets} input and {@code nll} output
     */
    public static ModelProto build(LlamaConfig c, int batch, int seq, float[] params, boolean withTargets) {
        ParamLayout layout = ParamLayout.of(c);
        Graph g = new Graph("");
        Val tokens = g.input(TOKENS, DType.I32, batch, seq);
        Val targets = withTargets ? g.input(TARGETS, DType.I32, batch, seq) : null;
        Map<String, Val> views;
        if (params == null) {
            views = Llama.views(g, g.input(PARAMS, DType.F32, layout.size()), layout);
        } else {
            if (params.length != layout.size()) {
                throw new IllegalArgumentException("params must have " + layout.size() + " elements: " + params.length);
            }
            views = new LinkedHashMap<>();
            for (ParamLayout.Entry e : layout.entries()) {
                ByteBuffer b = ByteBuffer.allocate((int) e.size() * 4).order(ByteOrder.LITTLE_ENDIAN);
                b.asFloatBuffer().put(params, (int) e.offset(), (int) e.size());
                views.put(e.name(), g.initializer(e.name(), DType.F32, e.shape(), b));
            }
        }
        long bt = (long) batch * seq;
        Tape t = new Tape(g);
        Val logits = Llama.logits(t, c, views, g.cast(g.reshape(tokens, bt), DType.I64), batch, seq);
        g.output(g.reshape(logits, batch, seq, c.vocab()), LOGITS);
        if (withTargets) {
            Val logp = g.op("LogSoftmax", DType.F32, logits.shape(), List.of(logits), Graph.attr("axis", -1L));
            Val tgt = g.reshape(g.cast(targets, DType.I64), bt, 1);
            Val picked = g.op("GatherElements", DType.F32, new long[] {bt, 1}, List.of(logp, tgt), Graph.attr("axis", 1L));
            g.output(g.reshape(g.neg(picked), batch, seq), NLL);
        }
        return g.toModel("kiln_forward_" + c.name());
    }
}
