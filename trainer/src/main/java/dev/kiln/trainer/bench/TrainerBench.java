package dev.kiln.trainer.bench;

import dev.kiln.trainer.Batch;
import dev.kiln.trainer.TrainerConfig;
import dev.kiln.trainer.TrainerSession;
import dev.kiln.trainer.model.Init;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Times the training engine for one configuration: graph build, ONNX Runtime session creation,
 * milliseconds per optimiser step (median of the timed runs, after warm-up runs) and the process's
 * peak resident memory. Runs on real token windows; performance is measured here, never asserted
 * in tests.
 */
public final class TrainerBench {

    /** What one benchmark measured. */
    public record Result(String model, long parameters, int batch, int seq, int stepsPerRun, int threads, String precision,
                         int nodes, long buildMs, long sessionMs, double msPerStep, double tokensPerSecond,
                         float firstLoss, float lastLoss, long peakRssMb) {

        /** One human-readable line with thousands separators and units. */
        public String line() {
            return String.format(Locale.ROOT,
                    "%-10s %,13d params  B %d x T %d  K %d  threads %d  %s  nodes %,6d  build %,6d ms  session %,7d ms  "
                            + "%,10.1f ms/step  %,9.0f tok/s  loss %.3f -> %.3f  peak RSS %,d MB",
                    model, parameters, batch, seq, stepsPerRun, threads, precision, nodes, buildMs, sessionMs, msPerStep,
                    tokensPerSecond, firstLoss, lastLoss, peakRssMb);
        }
    }

    private TrainerBench() {
    }

    /**
     * Runs {@code warmupRuns} untimed and {@code timedRuns} timed session runs of K steps each on
     * random windows of {@code tokens} (seeded), at a constant learning rate {@code lr}.
     */
    public static Result run(TrainerConfig c, int[] tokens, int warmupRuns, int timedRuns, float lr, long seed)
            throws Exception {
        Random r = new Random(seed);
        float[] init = Init.params(c.model(), seed);
        int k = c.stepsPerRun();
        int rows = c.accumulation() * c.batch();
        float[] lrs = new float[k];
        Arrays.fill(lrs, lr);
        double[] ms = new double[timedRuns];
        float first = Float.NaN;
        float last = Float.NaN;
        try (TrainerSession s = TrainerSession.create(c, init)) {
            if (s.placement() != null) {
                System.out.println(s.placement().line());
            }
            for (int i = 0; i < warmupRuns + timedRuns; i++) {
                List<Batch> batches = new ArrayList<>();
                for (int j = 0; j < k; j++) {
                    batches.add(windows(tokens, rows, c.seq(), r));
                }
                long t0 = System.nanoTime();
                float[] losses = s.run(batches, lrs);
                long t1 = System.nanoTime();
                if (i == 0) {
                    first = losses[0];
                }
                last = losses[k - 1];
                if (i >= warmupRuns) {
                    ms[i - warmupRuns] = (t1 - t0) / 1e6 / k;
                }
            }
            Arrays.sort(ms);
            double median = ms.length == 0 ? Double.NaN : ms[ms.length / 2];
            return new Result(c.model().name(), c.model().parameterCount(), c.batch(), c.seq(), k, c.threads(), c.precision().toString(),
                    s.nodeCount(), s.buildMillis(), s.sessionMillis(), median, c.tokensPerStep() / (median / 1000),
                    first, last, peakRssMb());
        }
    }

    private static Batch windows(int[] tokens, int rows, int seq, Random r) {
        long[] starts = new long[rows];
        for (int i = 0; i < rows; i++) {
            starts[i] = r.nextInt(tokens.length - seq - 1);
        }
        return Batch.windows(tokens, starts, seq);
    }

    /** The UTF-8 bytes of a text file as token ids 0..255 (a byte-level stand-in for a tokenizer). */
    public static int[] byteTokens(Path file) throws IOException {
        byte[] b = Files.readString(file, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        int[] ids = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            ids[i] = b[i] & 0xff;
        }
        return ids;
    }

    /** Peak resident set size of this process in MB (Linux {@code VmHWM}), or -1 where unavailable. */
    public static long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Development entry point (the user-facing one is {@code kiln bench trainer}):
     * {@code TrainerBench PRESET BATCH SEQ K THREADS WARMUP TIMED TEXTFILE}, or
     * {@code TrainerBench parity DIR PRESET BATCH SEQ STEPS THREADS TEXTFILE}.
     */
    public static void main(String[] a) throws Exception {
        if (a[0].equals("parity")) {
            TrainerConfig c = TrainerConfig.of(dev.kiln.trainer.model.LlamaConfig.preset(a[2]), Integer.parseInt(a[3]),
                    Integer.parseInt(a[4])).withDevice(dev.kiln.trainer.Device.CPU, Integer.parseInt(a[6]));
            float[] l = ParityDump.write(c, byteTokens(Path.of(a[7])), Integer.parseInt(a[5]), 1e-3f, 1337, Path.of(a[1]));
            System.out.println("kiln losses " + Arrays.toString(l));
            return;
        }
        TrainerConfig c = TrainerConfig.of(dev.kiln.trainer.model.LlamaConfig.preset(a[0]), Integer.parseInt(a[1]),
                Integer.parseInt(a[2])).withStepsPerRun(Integer.parseInt(a[3])).withDevice(dev.kiln.trainer.Device.CPU,
                Integer.parseInt(a[4]));
        System.out.println(c.model().describe());
        System.out.println(run(c, byteTokens(Path.of(a[7])), Integer.parseInt(a[5]), Integer.parseInt(a[6]), 1e-3f, 1337).line());
    }
}
