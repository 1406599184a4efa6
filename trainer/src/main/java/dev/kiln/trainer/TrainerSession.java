package dev.kiln.trainer;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.kiln.trainer.model.ParamLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A live training session: the ONNX training graph loaded in ONNX Runtime plus the optimiser state
 * (flat params, AdamW moments m and v, step count), kept as ONNX Runtime tensors between calls.
 *
 * <p>Each {@link #run} feeds the previous call's output tensors straight back as inputs, so the
 * state never passes through the Java heap (copying it costs 3–6× the step time; trainer-design.md
 * section 5). {@link #params()} and friends copy the state out on demand (checkpoints, evaluation).
 *
 * <p>NOTE: not thread-safe; close it to free the native memory.
 */
public final class TrainerSession implements AutoCloseable {

    private final TrainerConfig config;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final long size;
    private final int nodeCount;
    private final long buildMillis;
    private final long sessionMillis;
    private OnnxTensor step;
    private OnnxTensor params;
    private OnnxTensor m;
    private OnnxTensor v;
    private OrtSession.Result lastResult;
    private float[] lastGradNorms = new float[0];

    private TrainerSession(TrainerConfig config, OrtEnvironment env, OrtSession session, int nodeCount,
                           long buildMillis, long sessionMillis) {
        this.config = config;
        this.env = env;
        this.session = session;
        this.size = ParamLayout.of(config.model()).size();
        this.nodeCount = nodeCount;
        this.buildMillis = buildMillis;
        this.sessionMillis = sessionMillis;
    }

    /**
     * Builds the training graph for {@code config}, loads it and sets the state to
     * {@code initialParams} with zero moments at step 0.
     */
    public static TrainerSession create(TrainerConfig config, float[] initialParams) throws OrtException {
        return create(config, initialParams, config.stepsPerRun() > 1);
    }

    /** As {@link #create(TrainerConfig, float[])}, with {@code useLoop} forcing an ONNX Loop even for K = 1. */
    public static TrainerSession create(TrainerConfig config, float[] initialParams, boolean useLoop) throws OrtException {
        long t0 = System.nanoTime();
        ModelProto model = TrainingGraph.build(config, useLoop);
        if (config.device() == Device.CUDA) {
            Sessions.requireCudaKernels(model);
        }
        byte[] bytes = model.toByteArray();
        int nodes = countNodes(model.getGraph());
        long t1 = System.nanoTime();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession session;
        Path optimized = null;
        Placement placement = null;
        try (OrtSession.SessionOptions opts = Sessions.options(config.device(), config.threads())) {
            if (config.device() == Device.CUDA || Boolean.getBoolean(PLACEMENT_PROPERTY)) {
                optimized = Files.createTempFile("kiln-optimized-", ".onnx");
                opts.setOptimizedModelFilePath(optimized.toString());
            }
            session = env.createSession(bytes, opts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (optimized != null) {
            try {
                placement = Placement.read(optimized);
            } catch (IOException e) {
                System.err.println("kiln: could not read ONNX Runtime's optimised model (" + e.getMessage() + "); no placement report");
            } finally {
                try {
                    Files.deleteIfExists(optimized);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
        long t2 = System.nanoTime();
        TrainerSession s = new TrainerSession(config, env, session, nodes, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        s.placement = placement;
        float[] zeros = new float[initialParams.length];
        s.setState(initialParams, zeros, zeros, 0);
        return s;
    }

    /** System property that turns on the {@link Placement} report on CPU too (always on for CUDA). */
    public static final String PLACEMENT_PROPERTY = "kiln.placement";

    private Placement placement;

    /**
     * Host-device copies ONNX Runtime placed in the loaded graph: reported for CUDA sessions (and on
     * CPU with {@code -Dkiln.placement=true}), else null.
     */
    public Placement placement() {
        return placement;
    }

    /** Nodes in the training graph, Loop bodies included. */
    static int countNodes(ai.onnx.proto.OnnxMl.GraphProto g) {
        int n = 0;
        for (var node : g.getNodeList()) {
            n++;
            for (var a : node.getAttributeList()) {
                if (a.hasG()) {
                    n += countNodes(a.getG());
                }
            }
        }
        return n;
    }

    /** The configuration this session was built for. */
    public TrainerConfig config() {
        return config;
    }

    /**
     * Runs K = {@code stepsPerRun} optimiser steps, one {@link Batch} and one learning rate each;
     * returns the K training losses (mean over the step's micro-batches).
     */
    public float[] run(List<Batch> batches, float[] lrs) throws OrtException {
        int k = config.stepsPerRun();
        int rows = config.accumulation() * config.batch();
        int seq = config.seq();
        if (batches.size() != k || lrs.length != k) {
            throw new IllegalArgumentException("need " + k + " batches and learning rates per run: " + batches.size() + ", " + lrs.length);
        }
        IntBuffer tok = directInts(k * rows * seq);
        IntBuffer tgt = directInts(k * rows * seq);
        int vocab = config.model().vocab();
        for (Batch b : batches) {
            if (b.rows() != rows || b.seq() != seq) {
                throw new IllegalArgumentException("batch must be " + rows + " x " + seq + ": " + b.rows() + " x " + b.seq());
            }
            if (b.maxId() >= vocab) {
                throw new IllegalArgumentException("token id " + b.maxId() + " out of vocabulary " + vocab);
            }
            tok.put(b.inputs());
            tgt.put(b.targets());
        }
        long[] shape = {k, config.accumulation(), config.batch(), seq};
        try (OnnxTensor tokT = OnnxTensor.createTensor(env, tok.flip(), shape);
             OnnxTensor tgtT = OnnxTensor.createTensor(env, tgt.flip(), shape);
             OnnxTensor lrT = OnnxTensor.createTensor(env, FloatBuffer.wrap(lrs.clone()), new long[] {k})) {
            Map<String, OnnxTensor> in = new HashMap<>();
            in.put(TrainingGraph.STEP, step);
            in.put(TrainingGraph.PARAMS, params);
            in.put(TrainingGraph.M, m);
            in.put(TrainingGraph.V, v);
            in.put(TrainingGraph.TOKENS, tokT);
            in.put(TrainingGraph.TARGETS, tgtT);
            in.put(TrainingGraph.LRS, lrT);
            OrtSession.Result r = session.run(in);
            releaseState();
            lastResult = r;
            step = (OnnxTensor) r.get(TrainingGraph.STEP_OUT).orElseThrow();
            params = (OnnxTensor) r.get(TrainingGraph.PARAMS_OUT).orElseThrow();
            m = (OnnxTensor) r.get(TrainingGraph.M_OUT).orElseThrow();
            v = (OnnxTensor) r.get(TrainingGraph.V_OUT).orElseThrow();
            lastGradNorms = copy((OnnxTensor) r.get(TrainingGraph.GNORMS).orElseThrow());
            return copy((OnnxTensor) r.get(TrainingGraph.LOSSES).orElseThrow());
        }
    }

    /** One optimiser step (requires {@code stepsPerRun == 1}); returns the loss. */
    public float step(Batch batch, float lr) throws OrtException {
        if (config.stepsPerRun() != 1) {
            throw new IllegalStateException("step(batch) needs steps_per_run 1; use run(batches, lrs) for K = " + config.stepsPerRun());
        }
        return run(List.of(batch), new float[] {lr})[0];
    }

    /** Pre-clip global gradient norms of the last run's steps. */
    public float[] lastGradNorms() {
        return lastGradNorms.clone();
    }

    /** Optimiser steps taken so far (the AdamW bias-correction counter). */
    public long stepCount() throws OrtException {
        return (long) copy(step)[0];
    }

    /** A copy of the flat parameters [P] (layout: {@link ParamLayout}). */
    public float[] params() throws OrtException {
        return copy(params);
    }

    /** A copy of AdamW's first moment [P]. */
    public float[] moment1() throws OrtException {
        return copy(m);
    }

    /** A copy of AdamW's second moment [P]. */
    public float[] moment2() throws OrtException {
        return copy(v);
    }

    /** Replaces the whole optimiser state (resume from a checkpoint). */
    public void setState(float[] newParams, float[] newM, float[] newV, long stepCount) throws OrtException {
        for (float[] a : List.of(newParams, newM, newV)) {
            if (a.length != size) {
                throw new IllegalArgumentException("state arrays must have " + size + " elements: " + a.length);
            }
        }
        OnnxTensor s = OnnxTensor.createTensor(env, directFloats(new float[] {stepCount}), new long[0]);
        OnnxTensor p = OnnxTensor.createTensor(env, directFloats(newParams), new long[] {size});
        OnnxTensor mm = OnnxTensor.createTensor(env, directFloats(newM), new long[] {size});
        OnnxTensor vv = OnnxTensor.createTensor(env, directFloats(newV), new long[] {size});
        releaseState();
        step = s;
        params = p;
        m = mm;
        v = vv;
    }

    /** Replaces the parameters, keeping moments and step. */
    public void setParams(float[] newParams) throws OrtException {
        setState(newParams, moment1(), moment2(), stepCount());
    }

    /** Nodes in the training graph (Loop bodies included). */
    public int nodeCount() {
        return nodeCount;
    }

    /** Milliseconds spent building and serialising the graph. */
    public long buildMillis() {
        return buildMillis;
    }

    /** Milliseconds ONNX Runtime spent creating the session (graph optimisation included). */
    public long sessionMillis() {
        return sessionMillis;
    }

    private void releaseState() {
        if (lastResult != null) {
            lastResult.close();
            lastResult = null;
        } else {
            for (OnnxTensor t : new OnnxTensor[] {step, params, m, v}) {
                if (t != null) {
                    t.close();
                }
            }
        }
    }

    private static float[] copy(OnnxTensor t) throws OrtException {
        FloatBuffer b = t.getFloatBuffer();
        float[] out = new float[b.remaining()];
        b.get(out);
        return out;
    }

    static FloatBuffer directFloats(float[] a) {
        FloatBuffer b = ByteBuffer.allocateDirect(a.length * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
        b.put(a).flip();
        return b;
    }

    private static IntBuffer directInts(int n) {
        return ByteBuffer.allocateDirect(n * 4).order(ByteOrder.nativeOrder()).asIntBuffer();
    }

    @Override
    public void close() throws OrtException {
        releaseState();
        session.close();
    }
}
