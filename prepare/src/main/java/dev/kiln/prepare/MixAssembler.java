package dev.kiln.prepare;

import dev.kiln.core.config.Configs;
import dev.kiln.sharding.DataMeta;
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
 * achieved; with fill weights, their shortfall is first handed to the other sources in proportion to
 * their weights (repeatedly, should those run dry too), so the split reaches its target whenever the
 * sources together hold enough.
 */
public final class MixAssembler {

    private MixAssembler() {
    }

    /**
     * Target and achieved tokens and documents of one source in one split.
     *
     * @param targetTokens the source's quota from the mix weights
     * @param fillTokens   tokens added to that quota to make up for sources that ran dry
     */
    public record SourceResult(String source, long targetTokens, long fillTokens, long tokens, long documents) {

        public SourceResult(String source, long targetTokens, long tokens, long documents) {
            this(source, targetTokens, 0, tokens, documents);
        }

        /** True when the source had fewer tokens than its weight's quota. */
        public boolean ranDry() {
            return tokens < targetTokens;
        }

        /** What {@code data_meta.json} records, with the share of a split of {@code splitTokens}. */
        public DataMeta.SourceShare share(long splitTokens) {
            return new DataMeta.SourceShare(targetTokens, fillTokens > 0 ? fillTokens : null, tokens, documents,
                    splitTokens == 0 ? 0.0 : Math.round(1e6 * tokens / (double) splitTokens) / 1e6, ranDry());
        }

        public Map<String, Object> toMap(long splitTokens) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = Configs.JSON.convertValue(share(splitTokens), Map.class);
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
        return assemble(spill, part, sources, quotas, null, sinks);
    }

    /**
     * As {@link #assemble(ShuffleSpill, Split.Part, List, Map, List)}; when {@code fillWeights} is not
     * null, the tokens that sources running dry cannot give are added to the quotas of the others, in
     * proportion to these weights (source name → weight).
     */
    public static List<SourceResult> assemble(ShuffleSpill spill, Split.Part part, List<String> sources,
                                              Map<String, Long> quotas, Map<String, Double> fillWeights,
                                              List<TokenSink> sinks) throws IOException {
        int n = sources.size();
        long[] target = new long[n];
        List<List<long[]>> perSource = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            target[i] = quotas.getOrDefault(sources.get(i), 0L);
            perSource.add(new ArrayList<>());
        }
        spill.forEachAll(part, e -> perSource.get(e.source()).add(new long[] {e.pick(), e.seq(), e.ids().length}));
        long[] available = new long[n];
        for (int s = 0; s < n; s++) {
            for (long[] d : perSource.get(s)) {
                available[s] += d[2];
            }
        }
        long[] quota = fillWeights == null ? target.clone() : fill(sources, target, available, fillWeights);
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
                if (tokens[s] >= quota[s]) {
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
            out.add(new SourceResult(sources.get(i), target[i], Math.max(0, quota[i] - target[i]), tokens[i], docs[i]));
        }
        return out;
    }

    /**
     * Quotas after handing each dry source's shortfall to the sources that still have tokens, in
     * proportion to their weights, until nothing is short or every source is exhausted. Deterministic:
     * integer quotas from {@link MixPlan#quotas}.
     */
    static long[] fill(List<String> sources, long[] target, long[] available, Map<String, Double> weights) {
        int n = sources.size();
        long[] q = target.clone();
        while (true) {
            long deficit = 0;
            for (int s = 0; s < n; s++) {
                if (q[s] > available[s]) {
                    deficit += q[s] - available[s];
                    q[s] = available[s];
                }
            }
            Map<String, Double> open = new LinkedHashMap<>();
            for (int s = 0; s < n; s++) {
                double w = weights.getOrDefault(sources.get(s), 0.0);
                if (q[s] < available[s] && w > 0) {
                    open.put(sources.get(s), w);
                }
            }
            if (deficit == 0 || open.isEmpty()) {
                return q;
            }
            Map<String, Long> extra = new MixPlan(open).quotas(deficit);
            for (int s = 0; s < n; s++) {
                q[s] += extra.getOrDefault(sources.get(s), 0L);
            }
        }
    }
}
