package dev.kiln.tokenizer;

import dev.kiln.core.io.BadRecords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Benchmark entry points (not tests), printing one {@code key=value} line per figure; used by
 * {@code scripts/bench-tokenizer.sh} and {@code kiln bench tokenizer}. Training reads a text file line by
 * line as {@code spm_train} does, with the options of the spm command in tokenizer-facts.md section 4
 * ({@code --byte_fallback --split_digits --character_coverage=0.9995}, identity, SentencePiece's ids).
 *
 * <pre>
 * TokenizerBench train TRAIN.txt VOCAB OUTDIR [threads] [identity|nfkc]
 * TokenizerBench encode MODEL TEXT.txt [threads] [repeats]
 * </pre>
 */
public final class TokenizerBench {

    private TokenizerBench() {
    }

    public static void main(String[] args) throws IOException {
        List<String> out;
        if (args.length >= 4 && args[0].equals("train")) {
            out = train(Path.of(args[1]), Integer.parseInt(args[2]), Path.of(args[3]),
                    args.length > 4 ? Integer.parseInt(args[4]) : Runtime.getRuntime().availableProcessors(),
                    args.length > 5 ? Normalization.parse(args[5]) : Normalization.IDENTITY);
        } else if (args.length >= 3 && args[0].equals("encode")) {
            out = encode(Path.of(args[1]), Path.of(args[2]),
                    args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors(),
                    args.length > 4 ? Integer.parseInt(args[4]) : 3);
        } else {
            System.err.println("usage: TokenizerBench train TRAIN.txt VOCAB OUTDIR [threads] [identity|nfkc]\n"
                    + "       TokenizerBench encode MODEL TEXT.txt [threads] [repeats]");
            System.exit(2);
            return;
        }
        out.forEach(System.out::println);
    }

    /** Trains and writes a model; returns its figures. */
    public static List<String> train(Path train, int vocab, Path out, int threads, Normalization norm) throws IOException {
        List<String> lines = new ArrayList<>();
        TrainerConfig cfg = TrainerConfig.builder(vocab).byteFallback(true).splitDigits(true)
                .characterCoverage(0.9995).normalization(norm).threads(threads).build();
        long t0 = System.nanoTime();
        BpeTrainer trainer = BpeTrainer.create(cfg);
        try (TextLines src = TextLines.of(List.of(train), BadRecords.lenient())) {
            trainer.addAll(src);
        }
        TrainResult r = trainer.train();
        r.write(out);
        lines.add(fmt("train_seconds", (System.nanoTime() - t0) / 1e9));
        lines.add("train_stats=" + new TreeMap<>(r.stats()));
        lines.add("model_bytes=" + Files.size(out.resolve(TrainResult.MODEL_FILE)));
        return lines;
    }

    /**
     * Encodes every line of {@code text}: token count and bytes per token (UTF-8 bytes of the file,
     * newlines included, over tokens), lines where the Java encoder differs from SentencePiece's JNI, then
     * for each backend the best of {@code repeats} timed passes on 1 and on {@code threads} threads after
     * one warm-up pass.
     */
    public static List<String> encode(Path model, Path text, int threads, int repeats) throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> texts = Files.readAllLines(text, StandardCharsets.UTF_8).stream().filter(s -> !s.isEmpty()).toList();
        long bytes = Files.size(text);
        try (Encoder jni = Encoder.load(model, Encoder.Backend.JNI);
             Encoder java = Encoder.load(model, Encoder.Backend.JAVA)) {
            int[][] a = jni.encodeAll(texts, threads);
            int[][] b = java.encodeAll(texts, threads);
            long tokens = 0;
            int differ = 0;
            for (int i = 0; i < a.length; i++) {
                tokens += a[i].length;
                differ += Arrays.equals(a[i], b[i]) ? 0 : 1;
            }
            lines.add("tokens=" + tokens);
            lines.add(fmt("bytes_per_token", (double) bytes / tokens));
            lines.add("java_backend=" + java.backend());
            lines.add("java_lines_differing=" + differ);
            for (Encoder enc : List.of(jni, java)) {
                String name = enc == jni ? "jni" : "java";
                for (int th : threads == 1 ? new int[] {1} : new int[] {1, threads}) {
                    double best = Double.MAX_VALUE;
                    for (int i = 0; i < repeats; i++) {
                        long s = System.nanoTime();
                        enc.encodeAll(texts, th);
                        best = Math.min(best, (System.nanoTime() - s) / 1e9);
                    }
                    lines.add(fmt(name + "_encode_seconds_threads_" + th, best));
                    lines.add(fmt(name + "_encode_mb_per_s_threads_" + th, bytes / 1e6 / best));
                }
            }
        }
        return lines;
    }

    private static String fmt(String k, double v) {
        return k + "=" + String.format(Locale.ROOT, "%.4f", v);
    }
}
