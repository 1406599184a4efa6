package dev.kiln.trainer.graph;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A static-shape ONNX graph builder over the {@code OnnxMl} protobuf classes.
 *
 * <p>Every method that emits a node computes the output shape in Java, so the graph is fully typed
 * without ONNX shape inference and every VJP knows its shapes. Names are generated from a prefix
 * that is unique per graph, so a {@code Loop} body (a nested {@code Graph}) can read values of the
 * enclosing graph by name without clashing. Raw ops here carry no gradient; the differentiable
 * versions live in {@link Tape}.
 *
 * <p>NOTE: not thread-safe; one builder per graph being built.
 */
public final class Graph {

    /** ONNX opset the graphs target (ReduceMean/ReduceSumSquare with axes as input, ScatterND add). */
    public static final int OPSET = 18;
    /** IR version matching {@link #OPSET}. */
    public static final int IR_VERSION = 8;

    private final String prefix;
    private final List<NodeProto> nodes = new ArrayList<>();
    private final List<ValueInfoProto> inputs = new ArrayList<>();
    private final List<ValueInfoProto> outputs = new ArrayList<>();
    private final List<TensorProto> initializers = new ArrayList<>();
    private final List<Val> produced = new ArrayList<>();
    private int counter;

    /** A builder whose generated names start with {@code prefix} (use distinct prefixes for nested graphs). */
    public Graph(String prefix) {
        this.prefix = prefix;
    }

    /** Number of nodes emitted so far (nested subgraphs not counted). */
    public int nodeCount() {
        return nodes.size();
    }

    /** A fresh value name. */
    public String fresh(String hint) {
        return prefix + hint + "_" + (counter++);
    }

    // ---------------------------------------------------------------- graph interface

    /** Declares a graph input. */
    public Val input(String name, DType type, long... shape) {
        Val v = new Val(name, type, shape);
        inputs.add(valueInfo(v));
        return v;
    }

    /** Declares {@code v} as a graph output under the name {@code name} (an Identity when names differ). */
    public Val output(Val v, String name) {
        Val out = v;
        String src = renamed.getOrDefault(v.name(), v.name());
        if (!src.equals(name)) {
            out = new Val(name, v.type(), v.shape());
            if (src.equals(v.name()) && producedHere(src)) {
                // rename the producing node's output instead of copying it (an Identity of a
                // 10^8-element state tensor costs a full copy per step)
                for (int i = 0; i < nodes.size(); i++) {
                    nodes.set(i, renameIn(nodes.get(i), v.name(), name));
                }
                renamed.put(v.name(), name);
            } else {
                nodes.add(node("Identity", List.of(src), List.of(name)).build());
            }
        }
        outputs.add(valueInfo(out));
        return out;
    }

    private final java.util.Map<String, String> renamed = new java.util.HashMap<>();

    private boolean producedHere(String name) {
        for (NodeProto n : nodes) {
            if (n.getOutputList().contains(name)) {
                return true;
            }
        }
        return false;
    }

    private static NodeProto renameIn(NodeProto n, String from, String to) {
        boolean hit = n.getInputList().contains(from) || n.getOutputList().contains(from);
        boolean sub = n.getAttributeList().stream().anyMatch(AttributeProto::hasG);
        if (!hit && !sub) {
            return n;
        }
        NodeProto.Builder b = n.toBuilder();
        for (int i = 0; i < b.getInputCount(); i++) {
            if (b.getInput(i).equals(from)) {
                b.setInput(i, to);
            }
        }
        for (int i = 0; i < b.getOutputCount(); i++) {
            if (b.getOutput(i).equals(from)) {
                b.setOutput(i, to);
            }
        }
        for (int i = 0; i < b.getAttributeCount(); i++) {
            AttributeProto a = b.getAttribute(i);
            if (a.hasG()) {
                GraphProto.Builder gb = a.getG().toBuilder();
                for (int k = 0; k < gb.getNodeCount(); k++) {
                    gb.setNode(k, renameIn(gb.getNode(k), from, to));
                }
                b.setAttribute(i, a.toBuilder().setG(gb));
            }
        }
        return b.build();
    }

    /** Adds an initializer holding raw little-endian data (used for exported forward models). */
    public Val initializer(String name, DType type, long[] shape, ByteBuffer data) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(type.code());
        for (long d : shape) {
            t.addDims(d);
        }
        t.setRawData(ByteString.copyFrom(data.duplicate().order(ByteOrder.LITTLE_ENDIAN)));
        initializers.add(t.build());
        return new Val(name, type, shape);
    }

    /**
     * The graph as a proto named {@code name}. Every node output that is not a graph output is
     * declared in {@code value_info} with its static type and shape, so the element type of any
     * value can be read from the proto alone (the CUDA kernel-coverage check relies on it) and ONNX
     * Runtime verifies kiln's shape arithmetic against its own inference at load.
     */
    public GraphProto toProto(String name) {
        java.util.Set<String> outs = new java.util.HashSet<>();
        outputs.forEach(o -> outs.add(o.getName()));
        GraphProto.Builder b = GraphProto.newBuilder().setName(name).addAllNode(nodes).addAllInput(inputs)
                .addAllOutput(outputs).addAllInitializer(initializers);
        for (Val v : produced) {
            String n = renamed.getOrDefault(v.name(), v.name());
            if (!outs.contains(n)) {
                b.addValueInfo(valueInfo(new Val(n, v.type(), v.shape())));
            }
        }
        return b.build();
    }

    /** A model around this graph (opset {@value #OPSET}). */
    public ModelProto toModel(String name) {
        return ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName("kiln")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(toProto(name)).build();
    }

    static ValueInfoProto valueInfo(Val v) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder();
        for (long d : v.shape()) {
            s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        }
        TypeProto type = TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(v.type().code()).setShape(s)).build();
        return ValueInfoProto.newBuilder().setName(v.name()).setType(type).build();
    }

    // ---------------------------------------------------------------- node emission

    private static NodeProto.Builder node(String op, List<String> in, List<String> out) {
        return NodeProto.newBuilder().setOpType(op).addAllInput(in).addAllOutput(out);
    }

    /** Emits a single-output node; {@code attrs} are built with the static attribute helpers. */
    public Val op(String opType, DType outType, long[] outShape, List<Val> in, AttributeProto... attrs) {
        Val out = new Val(fresh(opType.toLowerCase()), outType, outShape);
        NodeProto.Builder n = node(opType, names(in), List.of(out.name()));
        for (AttributeProto a : attrs) {
            n.addAttribute(a);
        }
        nodes.add(n.build());
        produced.add(out);
        return out;
    }

    /** Emits a node with several outputs of the given types and shapes. */
    public Val[] opN(String opType, DType[] outTypes, long[][] outShapes, List<Val> in, AttributeProto... attrs) {
        Val[] outs = new Val[outTypes.length];
        for (int i = 0; i < outs.length; i++) {
            outs[i] = new Val(fresh(opType.toLowerCase()), outTypes[i], outShapes[i]);
        }
        NodeProto.Builder n = node(opType, names(in), Arrays.stream(outs).map(Val::name).toList());
        for (AttributeProto a : attrs) {
            n.addAttribute(a);
        }
        nodes.add(n.build());
        produced.addAll(Arrays.asList(outs));
        return outs;
    }

    /** Input names, following outputs renamed by {@link #output}. */
    private List<String> names(List<Val> in) {
        return in.stream().map(v -> renamed.getOrDefault(v.name(), v.name())).toList();
    }

    public static AttributeProto attr(String name, long v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(v).build();
    }

    public static AttributeProto attr(String name, float v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(v).build();
    }

    public static AttributeProto attr(String name, String v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(v)).build();
    }

    public static AttributeProto attrInts(String name, long... v) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long x : v) {
            a.addInts(x);
        }
        return a.build();
    }

    public static AttributeProto attr(String name, GraphProto g) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.GRAPH).setG(g).build();
    }

    static AttributeProto attr(String name, TensorProto t) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.TENSOR).setT(t).build();
    }

    // ---------------------------------------------------------------- constants

    private static TensorProto tensor(DType type, long[] shape, double[] values) {
        TensorProto.Builder t = TensorProto.newBuilder().setDataType(type.code());
        for (long d : shape) {
            t.addDims(d);
        }
        ByteBuffer b = ByteBuffer.allocate(values.length * type.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            switch (type) {
                case F32 -> b.putFloat((float) v);
                case F64 -> b.putDouble(v);
                case I32 -> b.putInt((int) v);
                case I64 -> b.putLong((long) v);
                case BOOL -> b.put((byte) (v != 0 ? 1 : 0));
                case BF16 -> b.putShort(DType.bf16Bits((float) v));
                case F16 -> b.putShort(Float.floatToFloat16((float) v));
            }
        }
        return t.setRawData(ByteString.copyFrom(b.flip())).build();
    }

    /** A constant tensor; values are converted to {@code type}. */
    public Val constant(DType type, long[] shape, double... values) {
        Val out = new Val(fresh("const"), type, shape);
        nodes.add(node("Constant", List.of(), List.of(out.name()))
                .addAttribute(attr("value", tensor(type, shape, values))).build());
        produced.add(out);
        return out;
    }

    /** A scalar constant (shape []). */
    public Val scalar(DType type, double v) {
        return constant(type, new long[0], v);
    }

    /** A 1-D int64 constant (shapes, axes, slice bounds). */
    public Val ints(long... v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return constant(DType.I64, new long[] {v.length}, d);
    }

    /** A tensor of the given shape filled with {@code value} (ConstantOfShape, no large proto constant). */
    public Val full(DType type, long[] shape, double value) {
        return op("ConstantOfShape", type, shape, List.of(ints(shape)),
                attr("value", tensor(type, new long[] {1}, new double[] {value})));
    }

    // ---------------------------------------------------------------- raw ops (no gradient)

    static long[] broadcast(long[] a, long[] b) {
        int r = Math.max(a.length, b.length);
        long[] out = new long[r];
        for (int i = 0; i < r; i++) {
            long da = i < r - a.length ? 1 : a[i - (r - a.length)];
            long db = i < r - b.length ? 1 : b[i - (r - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("shapes do not broadcast: " + Arrays.toString(a) + " vs " + Arrays.toString(b));
            }
            out[i] = Math.max(da, db);
        }
        return out;
    }

    private Val binary(String op, Val a, Val b) {
        return op(op, a.type(), broadcast(a.shape(), b.shape()), List.of(a, b));
    }

    public Val add(Val a, Val b) { return binary("Add", a, b); }
    public Val sub(Val a, Val b) { return binary("Sub", a, b); }
    public Val mul(Val a, Val b) { return binary("Mul", a, b); }
    public Val div(Val a, Val b) { return binary("Div", a, b); }
    public Val pow(Val a, Val b) { return binary("Pow", a, b); }
    public Val min(Val a, Val b) { return binary("Min", a, b); }

    private Val unary(String op, Val a) {
        return op(op, a.type(), a.shape(), List.of(a));
    }

    public Val neg(Val a) { return unary("Neg", a); }
    public Val sqrt(Val a) { return unary("Sqrt", a); }
    public Val reciprocal(Val a) { return unary("Reciprocal", a); }
    public Val exp(Val a) { return unary("Exp", a); }
    public Val sigmoid(Val a) { return unary("Sigmoid", a); }
    public Val identity(Val a) { return unary("Identity", a); }

    /** Multiplies by a scalar constant of the same type. */
    public Val scale(Val a, double c) {
        return mul(a, scalar(a.type(), c));
    }

    public Val cast(Val a, DType to) {
        return a.type() == to ? a : op("Cast", to, a.shape(), List.of(a), attr("to", (long) to.code()));
    }

    /** Batched matrix product (numpy semantics, equal batch dimensions). */
    public Val matmul(Val a, Val b) {
        long[] s = a.shape();
        s[s.length - 1] = b.dim(-1);
        if (a.dim(-1) != b.dim(-2)) {
            throw new IllegalArgumentException("matmul inner dims differ: " + a + " @ " + b);
        }
        return op("MatMul", a.type(), s, List.of(a, b));
    }

    /** Gemm on 2-D operands: op(a) @ op(b), with op the optional transpose. */
    public Val gemm(Val a, Val b, boolean transA, boolean transB) {
        long m = transA ? a.dim(1) : a.dim(0);
        long ka = transA ? a.dim(0) : a.dim(1);
        long kb = transB ? b.dim(1) : b.dim(0);
        long n = transB ? b.dim(0) : b.dim(1);
        if (ka != kb) {
            throw new IllegalArgumentException("gemm inner dims differ: " + a + " x " + b);
        }
        return op("Gemm", a.type(), new long[] {m, n}, List.of(a, b),
                attr("transA", transA ? 1L : 0L), attr("transB", transB ? 1L : 0L));
    }

    public Val reshape(Val a, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != a.numel()) {
            throw new IllegalArgumentException("reshape changes size: " + a + " -> " + Arrays.toString(shape));
        }
        return op("Reshape", a.type(), shape, List.of(a, ints(shape)));
    }

    public Val transpose(Val a, long... perm) {
        long[] s = new long[perm.length];
        for (int i = 0; i < perm.length; i++) {
            s[i] = a.dim((int) perm[i]);
        }
        return op("Transpose", a.type(), s, List.of(a), attrInts("perm", perm));
    }

    private static long[] reduced(long[] shape, long[] axes, boolean keep) {
        boolean[] r = new boolean[shape.length];
        for (long ax : axes) {
            r[(int) (ax < 0 ? ax + shape.length : ax)] = true;
        }
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < shape.length; i++) {
            if (!r[i]) {
                out.add(shape[i]);
            } else if (keep) {
                out.add(1L);
            }
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private Val reduce(String op, Val a, boolean keep, long... axes) {
        if (axes.length == 0) {
            return op(op, a.type(), keep ? ones(a.rank()) : new long[0], List.of(a), attr("keepdims", keep ? 1L : 0L));
        }
        return op(op, a.type(), reduced(a.shape(), axes, keep), List.of(a, ints(axes)), attr("keepdims", keep ? 1L : 0L));
    }

    private static long[] ones(int r) {
        long[] s = new long[r];
        Arrays.fill(s, 1);
        return s;
    }

    /** ReduceSum over {@code axes} (all axes when empty). */
    public Val reduceSum(Val a, boolean keep, long... axes) { return reduce("ReduceSum", a, keep, axes); }
    public Val reduceMean(Val a, boolean keep, long... axes) { return reduce("ReduceMean", a, keep, axes); }
    public Val reduceSumSquare(Val a, boolean keep, long... axes) { return reduce("ReduceSumSquare", a, keep, axes); }

    /** {@code a[start:end]} along axis 0 of a 1-D tensor. */
    public Val slice1d(Val a, long start, long end) {
        return op("Slice", a.type(), new long[] {end - start}, List.of(a, ints(start), ints(end), ints(0)));
    }

    /** {@code a[..., start:end]} along the last axis. */
    public Val sliceLast(Val a, long start, long end) {
        long[] s = a.shape();
        s[s.length - 1] = end - start;
        return op("Slice", a.type(), s, List.of(a, ints(start), ints(end), ints(-1)));
    }

    public Val concat(long axis, List<Val> parts) {
        long[] s = parts.get(0).shape();
        int ax = (int) (axis < 0 ? axis + s.length : axis);
        long sum = 0;
        for (Val p : parts) {
            sum += p.dim(ax);
        }
        s[ax] = sum;
        return op("Concat", parts.get(0).type(), s, parts, attr("axis", axis));
    }

    /** {@code x[index]} along axis 0 with a scalar int64 index (drops that axis). */
    public Val gatherRow(Val x, Val index) {
        return op("Gather", x.type(), Arrays.copyOfRange(x.shape(), 1, x.rank()), List.of(x, index), attr("axis", 0L));
    }

    public Val expand(Val a, long... shape) {
        return op("Expand", a.type(), broadcast(a.shape(), shape), List.of(a, ints(shape)));
    }
}
