package dev.kiln.core.io;

import dev.kiln.core.Document;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * What a corpus holds, accumulated one document at a time (what {@code kiln inspect} prints): documents,
 * characters (Unicode code points, what kiln's length thresholds count), UTF-8 bytes of text, counts per
 * source, a length histogram with log-spaced buckets (1-2-5 steps: 0, 1-9, 10-19, 20-49, 50-99, ...),
 * and a few sample documents chosen by seeded reservoir sampling, so the same input and seed always
 * show the same samples. Memory is constant in the corpus size. Not thread-safe.
 */
public final class CorpusStats {

    /** Lower bounds of the length buckets; the last bucket is open-ended. */
    static final long[] BUCKETS = buckets();

    private final int sampleSize;
    private final SplittableRandom random;
    private final List<Document> samples = new ArrayList<>();
    private final Map<String, long[]> bySource = new TreeMap<>();
    private final long[] histogram = new long[BUCKETS.length];
    private long docs;
    private long chars;
    private long bytes;
    private long minChars = Long.MAX_VALUE;
    private long maxChars;

    /**
     * @param samples how many sample documents to keep (0..100)
     * @param seed sampling seed
     */
    public CorpusStats(int samples, long seed) {
        if (samples < 0 || samples > 100) {
            throw new IllegalArgumentException("samples must be in [0, 100]: " + samples);
        }
        this.sampleSize = samples;
        this.random = new SplittableRandom(seed);
    }

    /** Counts one document. */
    public void add(Document d) {
        String t = d.text();
        long cp = 0;
        long b = 0;
        for (int i = 0, n = t.length(); i < n; i++) {
            char c = t.charAt(i);
            if (c < 0x80) {
                b += 1;
            } else if (c < 0x800) {
                b += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(t.charAt(i + 1))) {
                b += 4;
                i++;
            } else {
                b += 3;
            }
            cp++;
        }
        docs++;
        chars += cp;
        bytes += b;
        minChars = Math.min(minChars, cp);
        maxChars = Math.max(maxChars, cp);
        histogram[bucket(cp)]++;
        long[] s = bySource.computeIfAbsent(d.source(), k -> new long[2]);
        s[0]++;
        s[1] += cp;
        if (samples.size() < sampleSize) {
            samples.add(d);
        } else if (sampleSize > 0) {
            long j = random.nextLong(docs);
            if (j < sampleSize) {
                samples.set((int) j, d);
            }
        }
    }

    static int bucket(long codePoints) {
        int i = BUCKETS.length - 1;
        while (BUCKETS[i] > codePoints) {
            i--;
        }
        return i;
    }

    private static long[] buckets() {
        List<Long> b = new ArrayList<>(List.of(0L, 1L));
        for (long p = 10; p <= 1_000_000_000L; p *= 10) {
            b.add(p);
            b.add(2 * p);
            b.add(5 * p);
        }
        return b.stream().mapToLong(Long::longValue).toArray();
    }

    public long documents() {
        return docs;
    }

    /** Total code points. */
    public long characters() {
        return chars;
    }

    /** Total UTF-8 bytes of text. */
    public long textBytes() {
        return bytes;
    }

    /** Documents per length bucket, keyed by the bucket's label ({@code "10-19"}), only non-empty ones. */
    public Map<String, Long> histogram() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < BUCKETS.length; i++) {
            if (histogram[i] > 0) {
                out.put(label(i), histogram[i]);
            }
        }
        return out;
    }

    /** The sampled documents, in input order of their replacement slots. */
    public List<Document> samples() {
        return List.copyOf(samples);
    }

    static String label(int i) {
        if (i == BUCKETS.length - 1) {
            return BUCKETS[i] + "+";
        }
        long lo = BUCKETS[i];
        long hi = BUCKETS[i + 1] - 1;
        return lo == hi ? Long.toString(lo) : lo + "-" + hi;
    }

    /** JSON-ready statistics. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("documents", docs);
        m.put("characters", chars);
        m.put("text_bytes", bytes);
        m.put("min_characters", docs == 0 ? 0 : minChars);
        m.put("mean_characters", docs == 0 ? 0 : Math.round((double) chars / docs));
        m.put("max_characters", maxChars);
        Map<String, Object> src = new LinkedHashMap<>();
        bySource.forEach((k, v) -> src.put(k, Map.of("documents", v[0], "characters", v[1])));
        m.put("sources", src);
        m.put("length_histogram", histogram());
        List<Object> s = new ArrayList<>();
        for (Document d : samples) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", d.id());
            x.put("source", d.source());
            x.put("characters", d.codePoints());
            x.put("text", d.text());
            x.put("metadata", d.metadata());
            s.add(x);
        }
        m.put("samples", s);
        return m;
    }

    /** A readable report: totals, sources, histogram with bars, samples cut to {@code sampleChars}. */
    public String table(int sampleChars) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "documents   %,d%n", docs));
        sb.append(String.format(Locale.ROOT, "characters  %,d code points (min %,d, mean %,d, max %,d per document)%n", chars,
                docs == 0 ? 0 : minChars, docs == 0 ? 0 : Math.round((double) chars / docs), maxChars));
        sb.append(String.format(Locale.ROOT, "text bytes  %,d (UTF-8)%n", bytes));
        sb.append('\n');
        int w = Math.max(6, bySource.keySet().stream().mapToInt(k -> display(k).length()).max().orElse(6));
        sb.append(String.format(Locale.ROOT, "%-" + w + "s  %12s  %16s  %6s%n", "source", "documents", "characters", "share"));
        bySource.forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%-" + w + "s  %,12d  %,16d  %5.1f%%%n",
                display(k), v[0], v[1], docs == 0 ? 0 : 100.0 * v[0] / docs)));
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "%-22s  %12s%n", "length (code points)", "documents"));
        int first = 0;
        int last = -1;
        long peak = 0;
        for (int i = 0; i < histogram.length; i++) {
            if (histogram[i] > 0) {
                if (last < 0) {
                    first = i;
                }
                last = i;
                peak = Math.max(peak, histogram[i]);
            }
        }
        for (int i = first; i <= last; i++) {
            int bar = peak == 0 ? 0 : (int) Math.round(40.0 * histogram[i] / peak);
            sb.append(String.format(Locale.ROOT, "%22s  %,12d  %s%n", humanLabel(i), histogram[i],
                    "#".repeat(histogram[i] > 0 ? Math.max(1, bar) : 0)));
        }
        if (!samples.isEmpty()) {
            sb.append('\n').append("samples").append('\n');
            for (Document d : samples) {
                String t = d.text().length() > sampleChars ? d.text().substring(0, sampleChars) + "…" : d.text();
                sb.append(String.format(Locale.ROOT, "  %s  [%s, %,d chars]%n    %s%n", d.id(), display(d.source()), d.codePoints(),
                        t.replace("\r", "\\r").replace("\n", "⏎ ")));
            }
        }
        return sb.toString();
    }

    private static String display(String source) {
        return source.isEmpty() ? "(none)" : source;
    }

    private static String humanLabel(int i) {
        if (i == BUCKETS.length - 1) {
            return String.format(Locale.ROOT, "%,d+", BUCKETS[i]);
        }
        long lo = BUCKETS[i];
        long hi = BUCKETS[i + 1] - 1;
        return lo == hi ? String.format(Locale.ROOT, "%,d", lo) : String.format(Locale.ROOT, "%,d - %,d", lo, hi);
    }
}
