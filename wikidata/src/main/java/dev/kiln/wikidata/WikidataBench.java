package dev.kiln.wikidata;

import dev.kiln.core.Document;
import dev.kiln.core.io.BadRecords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Measures conversion throughput: reads, normalizes, groups and verbalizes every triple of the inputs and
 * discards the documents (no writer, no pipeline), {@code repeat} times after {@code warmup} passes
 * that let the JIT compile the hot code, and reports the best pass. This is the single-threaded work of {@link WikidataSource}, the part that bounds
 * {@code kiln wikidata} (pipeline stages run after it on worker threads).
 */
public final class WikidataBench {

    /** One measurement: the best of the timed passes. */
    public record Result(long triples, long documents, long inputBytes, long textChars, double seconds) {

        public double triplesPerSecond() {
            return triples / seconds;
        }

        public double documentsPerSecond() {
            return documents / seconds;
        }

        /** Compressed input MB/s. */
        public double megabytesPerSecond() {
            return inputBytes / 1e6 / seconds;
        }

        /** One line with thousands separators, as printed by {@code kiln bench wikidata}. */
        public String summary(String mode) {
            return String.format(Locale.ROOT,
                    "%s: %,d triples -> %,d documents (%,d chars) in %.3f s: %,.0f triples/s, %,.0f docs/s, %.2f MB/s input",
                    mode, triples, documents, textChars, seconds, triplesPerSecond(), documentsPerSecond(),
                    megabytesPerSecond());
        }
    }

    private WikidataBench() {
    }

    /**
     * Runs the benchmark.
     *
     * @param files inputs
     * @param config conversion settings (mode, templates, ...)
     * @param warmup untimed passes first, at least 0
     * @param repeat timed passes after the warm-up, at least 1
     */
    public static Result run(List<Path> files, WikidataConfig config, int warmup, int repeat) throws IOException {
        dev.kiln.core.config.ConfigException.checkRange("warmup", warmup, 0, 1000);
        dev.kiln.core.config.ConfigException.checkRange("repeat", repeat, 1, 1000);
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        for (int i = 0; i < warmup; i++) {
            pass(files, config, bytes);
        }
        Result best = null;
        for (int i = 0; i < repeat; i++) {
            Result r = pass(files, config, bytes);
            if (best == null || r.seconds() < best.seconds()) {
                best = r;
            }
        }
        return best;
    }

    /**
     * The baseline: the same passes reading and parsing the triples only (decompression, UTF-8, field
     * split), without normalizing, grouping or verbalizing; {@code documents} is 0.
     */
    public static Result readOnly(List<Path> files, int warmup, int repeat) throws IOException {
        long bytes = 0;
        for (Path f : files) {
            bytes += Files.size(f);
        }
        Result best = null;
        for (int i = 0; i < warmup + repeat; i++) {
            long t0 = System.nanoTime();
            long triples = 0;
            long chars = 0;
            BadRecords quiet = new BadRecords(false, line -> { });
            for (Path f : files) {
                dev.kiln.wikidata.io.TripleFormat fmt = dev.kiln.wikidata.io.TripleFormat.detect(f);
                try (dev.kiln.wikidata.io.TripleReader r = fmt.open(f, quiet,
                        dev.kiln.wikidata.io.EntityLabels.empty(), PropertyTable.bundled(), new TripleStats())) {
                    Triple t;
                    while ((t = r.next()) != null) {
                        triples++;
                        chars += t.object().length();
                    }
                }
            }
            Result r = new Result(triples, 0, bytes, chars, (System.nanoTime() - t0) / 1e9);
            if (i >= warmup && (best == null || r.seconds() < best.seconds())) {
                best = r;
            }
        }
        return best;
    }

    private static Result pass(List<Path> files, WikidataConfig config, long bytes) throws IOException {
        long t0 = System.nanoTime();
        long docs = 0;
        long chars = 0;
        WikidataSource src = WikidataSource.open(files, config, new BadRecords(false, line -> { }));
        try (src) {
            Document d;
            while ((d = src.next()) != null) {
                docs++;
                chars += d.text().length();
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        return new Result(src.tripleStats().triplesRead(), docs, bytes, chars, s);
    }
}
