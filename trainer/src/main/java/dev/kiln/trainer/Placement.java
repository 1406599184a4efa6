package dev.kiln.trainer;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where ONNX Runtime put host-device copies in a loaded training graph, read from the optimised
 * model it saves at session creation.
 *
 * <p>On CUDA, a {@code MemcpyFromHost}/{@code MemcpyToHost} inside the Loop body runs once per
 * optimiser step and can dominate it (microsoft/onnxruntime#16625, trainer-design.md section 8,
 * risk 1), while a few copies outside the Loop (token ids in, losses out) are expected. kiln prints
 * this report for every CUDA session so a slow placement shows up on the first run, not on the bill.
 *
 * @param nodes        nodes of the optimised graph, Loop bodies included
 * @param copiesOutside Memcpy nodes in the top-level graph
 * @param copiesInLoops Memcpy nodes inside Loop bodies (per-step transfers)
 */
public record Placement(int nodes, int copiesOutside, int copiesInLoops) {

    /** Reads the optimised model ONNX Runtime wrote to {@code optimized}. */
    public static Placement read(Path optimized) throws IOException {
        try (InputStream in = Files.newInputStream(optimized)) {
            GraphProto g = ModelProto.parseFrom(in).getGraph();
            int[] c = new int[3];
            walk(g, false, c);
            return new Placement(c[0], c[1], c[2]);
        }
    }

    private static void walk(GraphProto g, boolean inLoop, int[] c) {
        for (NodeProto n : g.getNodeList()) {
            c[0]++;
            if (n.getOpType().startsWith("Memcpy")) {
                c[inLoop ? 2 : 1]++;
            }
            for (var a : n.getAttributeList()) {
                if (a.hasG()) {
                    walk(a.getG(), inLoop || n.getOpType().equals("Loop"), c);
                }
            }
        }
    }

    /** One line for the log, with a warning when a copy sits inside a Loop body. */
    public String line() {
        String s = String.format(Locale.ROOT, "placement: %,d nodes after optimisation, %d host-device copies outside the step loop, %d inside",
                nodes, copiesOutside, copiesInLoops);
        return copiesInLoops == 0 ? s
                : s + ". WARNING: copies inside the Loop run every optimiser step; run with -Dkiln.ort.profile=PREFIX to see their cost";
    }
}
