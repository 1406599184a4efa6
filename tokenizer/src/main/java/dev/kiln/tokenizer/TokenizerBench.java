package dev.kiln.tokenizer;

import dev.kiln.core.io.BadRecords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark entry point (not a test): trains on a text file read line by line (as {@code spm_train}
 * does), then encodes a held-out file line by line on 1 and N threads and prints one
 * {@code key=value} line per figure. Used by {@code scripts/bench-tokenizer.sh} and {@code kiln bench tokenizer}.
 *
 * <p>Usage: {@code TokenizerBench TRAIN.txt HELDOUT.txt VOCAB OUTDIR [threads] [identity|nfkc] [repeats]}
 */
public final class TokenizerBench {

    private TokenizerBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: TokenizerBench TRAIN.txt HELDOUT.txt VOCAB OUTDIR [threads] [identity|nfkc] [repeats]");
            System.exit(2);
        }
        Path train = Path.of(args[0]);
        Path held = Path.of(args[1]);
        int vocab = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : Runtime.getRuntime().availableProcessors();
        Normalization norm = args.length > 5 ? Normalization.parse(args[5]) : Normalization.IDENTITY;
        int repeats = args.length > 6 ? Integer.parseInt(args[6]) : 3;
        for (String line : run(train, held, vocab, out, threads, norm, repeats)) {
            System.out.println(line);
        }
    }

    /** Runs the benchmark and returns its {@code key=value} lines. */
    public static List<String> run(Path train, Path held, int vocab, Path out, int threads, Normalization norm,
                                   int repeats) throws IOException {
        List<String> lines = new ArrayList<>();
        // options matching the spm_train command in tokenizer-facts.md section 4
        TrainerConfig cfg = TrainerConfig.builder(vocab).byteFallback(true).splitDigits(true)
                .characterCoverage(0.9995).normalization(norm).threads(threads).build();
        long t0 = System.nanoTime();
        BpeTrainer trainer = BpeTrainer.create(cfg);
        try (TextLines src = TextLines.of(List.of(train), BadRecords.lenient())) {
            trainer.addAll(src);
        }
        TrainResult r = trainer.train();
        r.write(out);
        double trainS = (System.nanoTime() - t0) / 1e9;
        lines.add(fmt("train_seconds", trainS));
        lines.add("train_stats=" + new java.util.TreeMap<>(r.stats()));
        lines.add("model_bytes=" + Files.size(out.resolve(TrainResult.MODEL_FILE)));

        List<String> texts = Files.readAllLines(held, StandardCharsets.UTF_8).stream().filter(s -> !s.isEmpty()).toList();
        long bytes = Files.size(held);
        try (Encoder enc = Encoder.load(out.resolve(TrainResult.MODEL_FILE))) {
            enc.encodeAll(texts, threads); // warm-up
            long tokens = 0;
            for (int[] ids : enc.encodeAll(texts, 1)) {
                tokens += ids.length;
            }
            lines.add("heldout_tokens=" + tokens);
            lines.add(fmt("heldout_bytes_per_token", (double) bytes / tokens));
            for (int th : new int[] {1, threads}) {
                double best = Double.MAX_VALUE;
                for (int i = 0; i < repeats; i++) {
                    long s = System.nanoTime();
                    enc.encodeAll(texts, th);
                    best = Math.min(best, (System.nanoTime() - s) / 1e9);
                }
                lines.add(fmt("encode_mb_per_s_threads_" + th, bytes / 1e6 / best));
            }
        }
        return lines;
    }

    private static String fmt(String k, double v) {
        return k + "=" + String.format(Locale.ROOT, "%.4f", v);
    }
}
