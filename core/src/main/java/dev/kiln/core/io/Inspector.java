package dev.kiln.core.io;

import dev.kiln.core.Document;
import dev.kiln.core.pipeline.FileSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads inputs once and summarises them ({@code kiln inspect}): {@link CorpusStats} plus the input files,
 * their bytes on disk and the bad records met. Reading is single-threaded and in input order, so the
 * sampled documents depend only on the inputs and the seed.
 */
public final class Inspector {

    /**
     * What was found.
     *
     * @param files input files after expansion
     * @param inputBytes bytes on disk
     * @param stats the corpus statistics
     * @param badRecords bad records skipped, by kind
     */
    public record Report(List<Path> files, long inputBytes, CorpusStats stats, Map<String, Long> badRecords) {

        /** JSON-ready report. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("files", files.stream().map(Path::toString).toList());
            m.put("input_bytes", inputBytes);
            m.putAll(stats.toMap());
            m.put("bad_records", badRecords);
            return m;
        }

        /** The readable table. */
        public String table(int sampleChars) {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(java.util.Locale.ROOT, "inputs      %,d file%s, %,d bytes on disk%n", files.size(),
                    files.size() == 1 ? "" : "s", inputBytes));
            long bad = badRecords.values().stream().mapToLong(Long::longValue).sum();
            if (bad > 0) {
                sb.append(String.format(java.util.Locale.ROOT, "bad records %,d skipped %s%n", bad, badRecords));
            }
            return sb.append(stats.table(sampleChars)).toString();
        }
    }

    private Inspector() {
    }

    /**
     * Inspects {@code inputs} (paths, globs, {@code @list} files; see {@link Inputs#expand}).
     *
     * @param samples sample documents to keep
     * @param seed sampling seed
     */
    public static Report inspect(List<String> inputs, ReadOptions options, BadRecords bad, int samples, long seed)
            throws IOException {
        List<Path> files = Inputs.expand(inputs);
        CorpusStats stats = new CorpusStats(samples, seed);
        try (FileSource src = FileSource.of(files, options, bad)) {
            Document d;
            while ((d = src.next()) != null) {
                stats.add(d);
            }
        }
        return new Report(files, Inputs.totalBytes(files), stats, bad.countsByKind());
    }
}
