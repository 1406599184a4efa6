package dev.kiln.trainer.graph;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Static check that every node of a model has a CUDA execution provider kernel for its element types.
 *
 * <p>kiln's graphs run on the CUDA EP with CPU fallback disabled, so a node whose (op, dtype) has no
 * CUDA kernel fails only at session creation on the GPU box. This class reads the kernels ONNX
 * Runtime registers for CUDA ({@code cuda-kernels.tsv}, extracted from ONNX Runtime's
 * {@code docs/OperatorKernels.md} by {@code scripts/cuda-kernels-tsv.py}) and finds those nodes on
 * any machine. For each node it picks the registration for the model's opset of the node's domain
 * (highest {@code since} ≤ opset, open-ended or {@code until} ≥ opset) and requires every floating
 * element type (float16, bfloat16, float, double) on the node's inputs and outputs to be listed for
 * that registration.
 *
 * <p><b>NOTE:</b> the check is per node, not per type variable: a node mixing a bf16 input with a
 * float-only parameter of the same op would pass. {@code Constant} nodes are skipped (ONNX Runtime
 * turns them into initializers; they have no kernel).
 */
public final class CudaKernels {

    /** The bundled table, next to this class. */
    public static final String RESOURCE = "cuda-kernels.tsv";

    private static final String ONNX_DOMAIN = "ai.onnx";
    private static final Set<DataType> FLOATING =
            Set.of(DataType.FLOAT16, DataType.BFLOAT16, DataType.FLOAT, DataType.DOUBLE);

    /**
     * One kernel registration: {@code op} of {@code domain} for opsets {@code since..until}
     * ({@code until} is {@link Integer#MAX_VALUE} when open-ended), with its type constraints
     * (type variable to ONNX type names such as {@code float} or {@code bfloat16}).
     */
    public record Registration(String domain, String op, int since, int until, Map<String, Set<String>> types) {

        /** Whether {@code type} (an ONNX type name, e.g. {@code bfloat16}) is listed for any type variable. */
        public boolean accepts(String type) {
            return types.values().stream().anyMatch(s -> s.contains(type));
        }

        /** {@code 13+} or {@code 7-12}. */
        public String versions() {
            return until == Integer.MAX_VALUE ? since + "+" : since == until ? Integer.toString(since) : since + "-" + until;
        }
    }

    private final String source;
    private final Map<String, List<Registration>> byOp;

    private CudaKernels(String source, Map<String, List<Registration>> byOp) {
        this.source = source;
        this.byOp = byOp;
    }

    /** The table bundled with kiln ({@value #RESOURCE}). */
    public static CudaKernels load() {
        try (InputStream in = CudaKernels.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE + " next to " + CudaKernels.class.getName());
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return parse(r.lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses table lines ({@code domain op since until var=t1,t2;...}; {@code #} starts a comment). */
    static CudaKernels parse(List<String> lines) {
        String source = "";
        Map<String, List<Registration>> byOp = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("# source:")) {
                source = line.substring(2);
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 5 || f[1].isEmpty()) {
                throw new IllegalStateException(RESOURCE + ":" + (i + 1) + ": expected 5 tab-separated fields: " + line);
            }
            Map<String, Set<String>> types = new LinkedHashMap<>();
            for (String c : f[4].split(";")) {
                int eq = c.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalStateException(RESOURCE + ":" + (i + 1) + ": bad type constraint '" + c + "'");
                }
                types.put(c.substring(0, eq), Set.copyOf(Arrays.asList(c.substring(eq + 1).split(","))));
            }
            try {
                int since = Integer.parseInt(f[2]);
                int until = f[3].isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(f[3]);
                String domain = domain(f[0]);
                byOp.computeIfAbsent(domain + ":" + f[1], k -> new ArrayList<>())
                        .add(new Registration(domain, f[1], since, until, Map.copyOf(types)));
            } catch (NumberFormatException e) {
                throw new IllegalStateException(RESOURCE + ":" + (i + 1) + ": bad opset version: " + line, e);
            }
        }
        return new CudaKernels(source, byOp);
    }

    /** The table's provenance (onnxruntime commit), from its header line. */
    public String source() {
        return source;
    }

    /** The registration the CUDA EP would use for {@code op} of {@code domain} at {@code opset}. */
    public Optional<Registration> registration(String domain, String op, int opset) {
        Registration best = null;
        for (Registration r : byOp.getOrDefault(domain(domain) + ":" + op, List.of())) {
            if (r.since() <= opset && r.until() >= opset && (best == null || r.since() > best.since())) {
                best = r;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * One line per problem: an (op, floating type) with no CUDA kernel, an op with no CUDA
     * registration at all, or a value whose element type the model does not declare (a
     * graph-building bug). Empty when the whole model, Loop/If bodies included, can run on CUDA.
     */
    public List<String> missing(ModelProto model) {
        Map<String, Integer> opsets = new HashMap<>();
        for (OperatorSetIdProto o : model.getOpsetImportList()) {
            opsets.put(domain(o.getDomain()), (int) o.getVersion());
        }
        Map<String, Problem> problems = new LinkedHashMap<>();
        walk(model.getGraph(), Map.of(), opsets, problems);
        return problems.values().stream().map(Problem::line).toList();
    }

    /** Occurrences of one distinct problem: the first node that shows it and how many do. */
    private static final class Problem {
        final String what;
        final String node;
        final String graph;
        int count;

        Problem(String what, String node, String graph) {
            this.what = what;
            this.node = node;
            this.graph = graph;
        }

        String line() {
            return what + " (node " + node + " in graph " + graph + (count > 1 ? "; " + count + " nodes" : "") + ")";
        }
    }

    private void walk(GraphProto g, Map<String, DataType> outer, Map<String, Integer> opsets, Map<String, Problem> problems) {
        Map<String, DataType> scope = new HashMap<>(outer);
        for (ValueInfoProto v : g.getInputList()) {
            declare(scope, v);
        }
        for (ValueInfoProto v : g.getOutputList()) {
            declare(scope, v);
        }
        for (ValueInfoProto v : g.getValueInfoList()) {
            declare(scope, v);
        }
        for (TensorProto t : g.getInitializerList()) {
            scope.put(t.getName(), DataType.forNumber(t.getDataType()));
        }
        for (NodeProto n : g.getNodeList()) {
            if (n.getOpType().equals("Constant") && n.getDomain().isEmpty()) {
                constantType(n).ifPresent(t -> scope.put(n.getOutput(0), t));
            }
        }
        for (NodeProto n : g.getNodeList()) {
            check(n, g.getName(), scope, opsets, problems);
            for (AttributeProto a : n.getAttributeList()) {
                if (a.hasG()) {
                    walk(a.getG(), scope, opsets, problems);
                }
                for (GraphProto sub : a.getGraphsList()) {
                    walk(sub, scope, opsets, problems);
                }
            }
        }
    }

    private void check(NodeProto n, String graph, Map<String, DataType> scope, Map<String, Integer> opsets,
                       Map<String, Problem> problems) {
        String nodeName = n.getName().isEmpty() ? (n.getOutputCount() > 0 ? n.getOutput(0) : "?") : n.getName();
        Set<DataType> floats = new LinkedHashSet<>();
        List<String> names = new ArrayList<>(n.getInputList());
        names.addAll(n.getOutputList());
        for (String v : names) {
            if (v.isEmpty()) {
                continue; // an omitted optional input or output
            }
            DataType t = scope.get(v);
            if (t == null || t == DataType.UNDEFINED) {
                report(problems, "value " + v + ": no element type declared (used by " + n.getOpType() + ")",
                        nodeName, graph);
            } else if (FLOATING.contains(t)) {
                floats.add(t);
            }
        }
        if (n.getOpType().equals("Constant") && n.getDomain().isEmpty()) {
            return;
        }
        String domain = domain(n.getDomain());
        Integer opset = opsets.get(domain);
        if (opset == null) {
            report(problems, n.getOpType() + ": the model imports no opset for domain " + domain, nodeName, graph);
            return;
        }
        Optional<Registration> r = registration(domain, n.getOpType(), opset);
        String op = domain.equals(ONNX_DOMAIN) ? n.getOpType() : domain + "." + n.getOpType();
        if (r.isEmpty()) {
            report(problems, op + " (opset " + opset + "): no CUDA kernel registered", nodeName, graph);
            return;
        }
        for (DataType t : floats) {
            String name = typeName(t);
            if (!r.get().accepts(name)) {
                report(problems, op + " (opset " + r.get().versions() + " kernel): no CUDA kernel for " + name,
                        nodeName, graph);
            }
        }
    }

    private static void report(Map<String, Problem> problems, String what, String node, String graph) {
        problems.computeIfAbsent(what, w -> new Problem(w, node, graph)).count++;
    }

    private static void declare(Map<String, DataType> scope, ValueInfoProto v) {
        if (v.getType().hasTensorType()) {
            scope.put(v.getName(), DataType.forNumber(v.getType().getTensorType().getElemType()));
        }
    }

    private static Optional<DataType> constantType(NodeProto n) {
        for (AttributeProto a : n.getAttributeList()) {
            switch (a.getName()) {
                case "value" -> {
                    return Optional.ofNullable(DataType.forNumber(a.getT().getDataType()));
                }
                case "value_float", "value_floats" -> {
                    return Optional.of(DataType.FLOAT);
                }
                case "value_int", "value_ints" -> {
                    return Optional.of(DataType.INT64);
                }
                case "value_string", "value_strings" -> {
                    return Optional.of(DataType.STRING);
                }
                default -> {
                }
            }
        }
        return Optional.empty();
    }

    /** The type name OperatorKernels.md uses ({@code float}, {@code bfloat16}, {@code int64}, ...). */
    static String typeName(DataType t) {
        return t.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String domain(String d) {
        return d.isEmpty() ? ONNX_DOMAIN : d;
    }
}
