package dev.kiln.prepare;

import dev.kiln.sharding.TokenSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one split from a {@link ShuffleSpill}: walks documents in shuffled (key) order and takes a
 * document while its source is below its token quota, so each source reaches its quota within one
 * document and the output is shuffled across sources. Sources that run dry are reported with what they
 * achieved.
 */
public final class MixAssembler {

    private MixAssembler() {
    }

    /** Target and achieved tokens and documents of one source in one split. */
    public record SourceResult(String source, long targetTokens, long tokens, long documents) {

        public boolean ranDry() {
            return tokens < targetTokens;
        }

        public Map<String, Object> toMap(long splitTokens) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target_tokens", targetTokens);
            m.put("tokens", tokens);
            m.put("documents", documents);
            m.put("share", splitTokens == 0 ? 0.0 : Math.round(1e6 * tokens / (double) splitTokens) / 1e6);
            m.put("ran_dry", ranDry());
            return m;
        }
    }

    /**
     * Assembles {@code part} into every sink in {@code sinks} (e.g. the .bin writer and the golf writer).
     *
     * <p>Which documents a source contributes is decided by their {@code pick} hash (lowest first,
     * until the quota is reached: a uniform random sample); the output order is the shuffle key. Using
     * two independent hashes keeps every source spread evenly over the whole output; choosing by the
     * shuffle key itself would give each source a different key range and leave the end of the output
     * to one source. The first pass keeps 24 bytes per document in memory.
     *
     * @param sources source names by index (the spill's source numbers)
     * @param quotas tokens wanted per source name
     */
    public static List<SourceResult> assemble(ShuffleSpill spill, Split.Part part, List<String> sources,
                                              Map<String, Long> quotas, List<TokenSink> sinks) throws IOException {
        int n = sources.size();
        long[] target = new long[n];
        List<List<long[]>> perSource = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            target[i] = quotas.getOrDefault(sources.get(i), 0L);
            perSource.add(new ArrayList<>());
        }
        spill.forEachAll(part, e -> perSource.get(e.source()).add(new long[] {e.pick(), e.seq(), e.ids().length}));
        long[] tokens = new long[n];
        long[] docs = new long[n];
        long[][] cutoff = new long[n][];
        for (int s = 0; s < n; s++) {
            List<long[]> list = perSource.get(s);
            list.sort((a, b) -> {
                int c = Long.compareUnsigned(a[0], b[0]);
                return c != 0 ? c : Long.compare(a[1], b[1]);
            });
            for (long[] d : list) {
                if (tokens[s] >= target[s]) {
                    break;
                }
                tokens[s] += d[2];
                docs[s]++;
                cutoff[s] = d;
            }
            list.clear();
        }
        try {
            spill.forEachAll(part, e -> {
                long[] c = cutoff[e.source()];
                if (c != null) {
                    int cmp = Long.compareUnsigned(e.pick(), c[0]);
                    if (cmp < 0 || cmp == 0 && e.seq() <= c[1]) {
                        try {
                            for (TokenSink sink : sinks) {
                                sink.writeDocument(e.ids());
                            }
                        } catch (IOException io) {
                            throw new UncheckedIOException(io);
                        }
                    }
                }
            });
        } catch (UncheckedIOException u) {
            throw u.getCause();
        }
        List<SourceResult> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new SourceResult(sources.get(i), target[i], tokens[i], docs[i]));
        }
        return out;
    }
}
