package dev.kiln.trainer.bench;

import dev.kiln.trainer.Batch;
import dev.kiln.trainer.TrainerConfig;
import dev.kiln.trainer.TrainerSession;
import dev.kiln.trainer.model.Init;
import dev.kiln.trainer.model.LlamaConfig;
import dev.kiln.trainer.model.ParamLayout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes what {@code scripts/trainer-parity.py} needs to replay a kiln run in PyTorch: the config
 * ({@code config.json}), the initial flat parameters ({@code params.f32}, little-endian), every
 * step's input and target windows ({@code tokens.i32}, {@code targets.i32}: [steps, B, T]), the
 * learning rates ({@code lrs.f32}), and kiln's per-step losses and gradient norms
 * ({@code kiln_losses.f32}, {@code kiln_gnorms.f32}) and step times ({@code kiln_ms.f32}).
 */
public final class ParityDump {

    private ParityDump() {
    }

    /** Trains {@code steps} single steps of {@code c} on byte windows of {@code tokens} and writes the files into {@code dir}. */
    public static float[] write(TrainerConfig c, int[] tokens, int steps, float lr, long seed, Path dir) throws Exception {
        Files.createDirectories(dir);
        LlamaConfig m = c.model();
        float[] init = Init.params(m, seed);
        Random r = new Random(seed);
        int rows = c.batch();
        List<Batch> batches = new ArrayList<>();
        float[] lrs = new float[steps];
        for (int i = 0; i < steps; i++) {
            long[] starts = new long[rows];
            for (int j = 0; j < rows; j++) {
                starts[j] = r.nextInt(tokens.length - c.seq() - 1);
            }
            batches.add(Batch.windows(tokens, starts, c.seq()));
            lrs[i] = lr * Math.min(1f, (i + 1) / 5f);
        }
        float[] losses = new float[steps];
        float[] gnorms = new float[steps];
        float[] ms = new float[steps];
        try (TrainerSession s = TrainerSession.create(c.withStepsPerRun(1).withAccumulation(1), init)) {
            for (int i = 0; i < steps; i++) {
                long t0 = System.nanoTime();
                losses[i] = s.step(batches.get(i), lrs[i]);
                ms[i] = (System.nanoTime() - t0) / 1e6f;
                gnorms[i] = s.lastGradNorms()[0];
            }
        }
        writeFloats(dir.resolve("params.f32"), init);
        writeFloats(dir.resolve("lrs.f32"), lrs);
        writeFloats(dir.resolve("kiln_losses.f32"), losses);
        writeFloats(dir.resolve("kiln_gnorms.f32"), gnorms);
        writeFloats(dir.resolve("kiln_ms.f32"), ms);
        writeInts(dir.resolve("tokens.i32"), batches.stream().map(Batch::inputs).toList());
        writeInts(dir.resolve("targets.i32"), batches.stream().map(Batch::targets).toList());
        StringBuilder names = new StringBuilder();
        for (ParamLayout.Entry e : ParamLayout.of(m).entries()) {
            names.append(names.isEmpty() ? "" : ", ").append('"').append(e.name()).append('"');
        }
        Files.writeString(dir.resolve("config.json"), String.format(Locale.ROOT, """
                {"model": "%s", "vocab": %d, "dim": %d, "layers": %d, "heads": %d, "ffn": %d, "rope_theta": %s, "norm_eps": %s,
                 "batch": %d, "seq": %d, "steps": %d, "beta1": %s, "beta2": %s, "adam_eps": %s, "weight_decay": %s,
                 "decay": "%s", "clip_norm": %s, "threads": %d, "layout": [%s]}
                """, m.name(), m.vocab(), m.dim(), m.layers(), m.heads(), m.ffn(), m.ropeTheta(), m.normEps(),
                c.batch(), c.seq(), steps, c.beta1(), c.beta2(), c.adamEps(), c.weightDecay(), c.decay(), c.clipNorm(),
                c.threads(), names));
        return losses;
    }

    private static void writeFloats(Path p, float[] a) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(a.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(a);
        Files.write(p, b.array());
    }

    private static void writeInts(Path p, List<int[]> arrays) throws IOException {
        int n = arrays.stream().mapToInt(a -> a.length).sum();
        ByteBuffer b = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int[] a : arrays) {
            for (int x : a) {
                b.putInt(x);
            }
        }
        Files.write(p, b.array());
    }
}
